import { authorizeStudio, type Actor } from "../policy";
import { toStudio } from "./studio-view";

export async function getStudio(actor: Actor, studioId: string) {
  return toStudio(await authorizeStudio(actor, studioId, "studio.read"));
}
