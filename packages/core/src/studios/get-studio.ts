import { assertMay, loadStudioMember, type Actor } from "../policy";
import { toStudio } from "./studio-view";

export async function getStudio(actor: Actor, studioId: string) {
  const { member, studio } = await loadStudioMember(actor, studioId);
  assertMay(member, "studio.read");
  return toStudio(studio);
}
