import type { ItemRead } from "../kernel/db/read-together";
import { loadMemberWith, type Actor } from "../policy";

/** The actor as a member, the studio and one record of it (by key), in one read; null when missing. */
export async function loadMemberAndRecord<T>(actor: Actor, studioId: string, read: ItemRead<T>) {
  const { member, studio, records } = await loadMemberWith(actor, studioId, read);
  return { member, studio, record: records[0] as T | null };
}
