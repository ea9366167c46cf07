import { commitWrites } from "../../kernel/db/commit-writes";
import { itemOf } from "../../kernel/db/read-together";
import { page, type PageQuery } from "../../kernel/pagination/pagination";
import { assertMay, hiddenRecord, loadMemberWith, type Actor, type StudioMember } from "../../policy";
import { messagingDb } from "../messaging-db";
import { memberParties, takesPart } from "../parties";
import type { ThreadRecord } from "../thread.entity";
import { readBy, ThreadRace, threadWrites, withThreadRetry } from "../thread-state";
import { toThread } from "../thread-views";

/** The thread the member may see (404 otherwise), read with the membership in one BatchGetItem. */
export async function loadThread(actor: Actor, studioId: string, threadId: string) {
  const { member, studio, records } = await loadMemberWith(actor, studioId, itemOf(messagingDb().entities.thread, { studioId, threadId }));
  const [thread] = records;
  if (!thread) throw hiddenRecord("Thread");
  assertMay(member, "thread.view", { takesPart: takesPart(member, thread.participants) });
  return { member, studio, thread };
}

/** The member's own participant in the thread, if they take part (an admin reading the studio's threads may not). */
export function ownParticipant(member: StudioMember, thread: ThreadRecord) {
  const own = memberParties(member);
  return thread.participants.find((p) => own.includes(p.party));
}

/**
 * A thread with a page of its messages, newest first. Opening it marks it read for the member's
 * party (the read receipts the others see, their unread count and summary, and any mail still due
 * to them about it, dropped): one transaction, only when something was unread or new.
 */
export async function getThread(actor: Actor, studioId: string, threadId: string, query: PageQuery, now = new Date()) {
  return withThreadRetry(async () => {
    const { member, thread } = await loadThread(actor, studioId, threadId);
    const mine = ownParticipant(member, thread);
    const messages = await page(
      { studioId, list: "thread-messages", params: { threadId } },
      (options) =>
        messagingDb()
          .entities.threadMessage.query.message({ studioId, threadId })
          .go({ ...options, order: "desc" }),
      query,
    );
    let shown = thread;
    const behind = mine && (mine.unread > 0 || !mine.readAt || mine.readAt < thread.lastMessageAt);
    if (mine && behind && !query.cursor) {
      shown = readBy(thread, mine.party, now.toISOString());
      await commitWrites(messagingDb, (t) => threadWrites(t, thread, shown), { raced: () => new ThreadRace() });
    }
    return toThread(shown, messages.items, mine?.party, messages.nextCursor);
  });
}
