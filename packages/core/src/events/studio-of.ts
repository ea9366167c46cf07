import type { StudioRecord } from "../studios/module";
import { isLive } from "../studios";
import { eventsDb } from "./events-db";

/** The live studio a signed link names, or null. */
export async function getStudio(studioId: string): Promise<StudioRecord | null> {
  const { data } = await eventsDb().entities.studio.get({ studioId }).go();
  return data && isLive(data) ? data : null;
}
