import { commitWrites } from "../../kernel/db/commit-writes";
import { hiddenRecord, type Actor } from "../../policy";
import { messagingDb } from "../messaging-db";
import { filedBy, inboxEntry, ThreadRace, threadWrites, withThreadRetry } from "../thread-state";
import { toThreadSummary } from "../thread-views";
import { loadThread, ownParticipant } from "./get-thread";

/** Archives a thread in the member's own inbox, or brings it back (a new message brings it back too). */
export async function fileThread(actor: Actor, studioId: string, threadId: string, archived: boolean, now = new Date()) {
  return withThreadRetry(async () => {
    const { member, thread } = await loadThread(actor, studioId, threadId);
    const mine = ownParticipant(member, thread);
    if (!mine) throw hiddenRecord("Thread");
    const after = filedBy(thread, mine.party, archived, now.toISOString());
    if (Boolean(mine.archived) !== archived) await commitWrites(messagingDb, (t) => threadWrites(t, thread, after), { raced: () => new ThreadRace() });
    const entry = inboxEntry(after, after.participants.find((p) => p.party === mine.party)!);
    return toThreadSummary({ ...entry, createdAt: after.createdAt, updatedAt: after.updatedAt });
  });
}
