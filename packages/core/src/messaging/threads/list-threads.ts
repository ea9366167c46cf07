import { itemOf } from "../../kernel/db/read-together";
import { invalidField } from "../../kernel/errors";
import { page } from "../../kernel/pagination/pagination";
import { assertMay, isStudioAdmin, loadMemberWith, type Actor } from "../../policy";
import { messagingDb } from "../messaging-db";
import { memberParties, parseParty, STUDIO_PARTY } from "../parties";
import type { ListThreadsQuery } from "../schemas";
import type { ThreadPage } from "../thread-schemas";
import type { ThreadRecord } from "../thread.entity";
import { toStudioSummary, toThreadSummary } from "../thread-views";

const ALL = "all";

function checkedParty(value: string, field: string) {
  if (value !== ALL && !parseParty(value))
    throw invalidField(field, "is not a participant key (studio, teacher:<id>, student:<id>, guardian:<familyId>:<guardianId>)");
  return value;
}

/**
 * One page of an inbox, newest activity first, with its count of threads with unread messages.
 * `inbox` names it (the member's own by default; owners and admins any participant's, or `all`
 * for every thread of the studio). With `inbox` given it is two DynamoDB calls: one BatchGetItem
 * (membership, studio, the inbox's unread summary) and one Query; without, one more to read the
 * summary once the member's own party is known. `with` keeps the threads a party takes part in
 * (for owners and admins: that party's own inbox).
 */
export async function listThreads(actor: Actor, studioId: string, query: ListThreadsQuery): Promise<ThreadPage> {
  const { inboxSummary, threadInbox, thread } = messagingDb().entities;
  const asked = query.inbox ? checkedParty(query.inbox, "inbox") : undefined;
  const withParty = query.with ? checkedParty(query.with, "with") : undefined;
  const summaryKey = (party: string) => itemOf(inboxSummary, { studioId, party: party === ALL ? STUDIO_PARTY : party });
  const { member, records } = asked ? await loadMemberWith(actor, studioId, summaryKey(asked)) : await loadMemberWith(actor, studioId);
  const own = memberParties(member);
  let party = asked ?? own[0];
  if (isStudioAdmin(member) && withParty && withParty !== ALL) party = withParty;
  if (!party) return { items: [], nextCursor: null, party: "", unreadThreads: 0 };
  if (!own.includes(party)) assertMay(member, "thread.oversee");
  const summary = asked && party === asked ? records[0] : (await inboxSummary.get({ studioId, party: party === ALL ? STUDIO_PARTY : party }).go()).data;
  const unreadThreads = Math.max(summary?.unreadThreads ?? 0, 0);
  if (party === ALL) {
    const threads = await page<ThreadRecord>(
      { studioId, list: "studio-threads" },
      (options) => thread.query.studioThreads({ studioId }).go({ ...options, order: "desc" }),
      query,
    );
    return { items: threads.items.map(toStudioSummary), nextCursor: threads.nextCursor, party, unreadThreads };
  }
  const filter = !isStudioAdmin(member) && withParty && withParty !== party ? withParty : undefined;
  const entries = await page(
    { studioId, list: "inbox", params: { party } },
    (options) =>
      (filter
        ? threadInbox.query.inbox({ studioId, party, folder: query.folder }).where((a, op) => op.contains(a.parties, filter))
        : threadInbox.query.inbox({ studioId, party, folder: query.folder })
      ).go({ ...options, order: "desc" }),
    query,
  );
  return { items: entries.items.map(toThreadSummary), nextCursor: entries.nextCursor, party, unreadThreads };
}
