import { commitWrites } from "../../kernel/db/commit-writes";
import { itemOf, readTogether } from "../../kernel/db/read-together";
import { logFailure } from "../../kernel/log/log-failure";
import { emailBrand, shortInstantWords, threadMessagesMessage } from "../../email";
import { isOptedOut, notice, unsubscribable } from "../../notifications";
import { outboxEmail } from "../../outbox";
import type { StudioRecord } from "../../studios/module";
import { messagingDb } from "../messaging-db";
import { replyAddressOf, replyIdFor } from "../../kernel/keys/reply-token";
import type { ThreadInboxRecord, ThreadParticipant, ThreadRecord } from "../thread.entity";
import { mailedTo, ThreadRace, threadWrites, withThreadRetry } from "../thread-state";
import { threadUrl } from "../thread-links";

/** Due entries of this many UTC days back are looked at (the job runs every minute; this covers an outage). */
const LOOKBACK_DAYS = 3;
const PAGE = 100;
/** A reply address keeps working this long after the last mail that gave it. */
export const REPLY_VALID_DAYS = 60;
const UNREAD_SHOWN = 25;

export interface MessageMailRun {
  mailed: number;
  /** Due entries with nothing left to mail (read meanwhile, no address, opted out). */
  dropped: number;
  failed: number;
}

const dayBefore = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

/**
 * The message mail job (every minute): each participant whose first unread message of a burst is
 * MAIL_DELAY_MS old gets ONE email with every message of the thread they have not read or been
 * mailed, Reply-To their own reply address. One transaction per mail, conditional on the thread's
 * version (a message or a read racing it reruns it): the thread records what was mailed, the
 * entry leaves the queue, the reply address is (re)written and the email enqueued. No Scan: a
 * Query per UTC day bucket of the sparse `messageMailDue` index. Safe to run twice.
 */
export async function sendMessageMail({ now }: { now: Date }): Promise<MessageMailRun> {
  const run: MessageMailRun = { mailed: 0, dropped: 0, failed: 0 };
  const today = now.toISOString().slice(0, 10);
  const studios = new Map<string, Promise<StudioRecord | null>>();
  for (let back = LOOKBACK_DAYS - 1; back >= 0; back--) {
    const mailDueDay = dayBefore(today, back);
    let cursor: string | null = null;
    do {
      const result: { data: ThreadInboxRecord[]; cursor: string | null } = await messagingDb()
        .entities.threadInbox.query.messageMailDue({ mailDueDay })
        .lte({ mailDueAt: now.toISOString() })
        .go({ cursor, limit: PAGE, pages: 1 });
      for (const entry of result.data) {
        if (!studios.has(entry.studioId)) studios.set(entry.studioId, studioOf(entry.studioId));
        try {
          const studio = await studios.get(entry.studioId)!;
          run[(await mailOne(studio, entry, now)) ? "mailed" : "dropped"]++;
        } catch (error) {
          run.failed++;
          logFailure(`message mail of ${entry.studioId}/${entry.threadId} to ${entry.party}`, error);
        }
      }
      cursor = result.cursor;
    } while (cursor);
  }
  if (run.mailed + run.dropped + run.failed > 0) console.log(JSON.stringify({ level: "info", message: "message mail", ...run }));
  return run;
}

async function studioOf(studioId: string) {
  const [studio] = await readTogether(itemOf(messagingDb().entities.studio, { studioId }));
  return studio && !studio.deletedAt ? studio : null;
}

/** One participant's mail of one thread; false when there was nothing to send (the due mark is dropped all the same). */
async function mailOne(studio: StudioRecord | null, entry: ThreadInboxRecord, now: Date): Promise<boolean> {
  const { studioId, threadId, party } = entry;
  return withThreadRetry(async () => {
    const [thread] = await readTogether(itemOf(messagingDb().entities.thread, { studioId, threadId }));
    const p = thread?.participants.find((each) => each.party === party);
    if (!thread || !p?.mailDueAt) {
      // The entry is behind its thread (or the thread is gone): drop the mark.
      await messagingDb()
        .entities.threadInbox.patch({ studioId, party, threadId })
        .remove(["mailDueDay", "mailDueAt"])
        .go()
        .catch(() => undefined);
      return false;
    }
    if (p.mailDueAt > now.toISOString()) return false;
    const to = p.kind === "studio" ? studio?.email?.toLowerCase() : p.email;
    const after = mailedTo(thread, party, now.toISOString());
    // An address that stopped these emails (or takes them in the digest) still gets the notice in the app: the email is held.
    const held = Boolean(to && (await isOptedOut(studioId, to, "messages")));
    const mail = studio && to && p.unread > 0 ? await composeMail(studio, thread, p, to, now) : null;
    await commitWrites(
      messagingDb,
      (t) => [
        ...threadWrites(t, thread, after),
        ...(mail && held ? [outboxEmail(t, { ...mail.email, hold: true }, now)] : []),
        ...(mail && !held
          ? [
              t.replyAddress
                .put({
                  replyId: mail.replyId,
                  studioId,
                  target: "thread",
                  threadId,
                  party,
                  email: to!,
                  validUntil: new Date(now.getTime() + REPLY_VALID_DAYS * 86_400_000).toISOString(),
                })
                .commit(),
              outboxEmail(t, mail.email, now),
            ]
          : []),
      ],
      { raced: () => new ThreadRace() },
    );
    return mail !== null && !held;
  });
}

async function composeMail(studio: StudioRecord, thread: ThreadRecord, p: ThreadParticipant, to: string, now: Date) {
  const { studioId, threadId } = thread;
  const since =
    [p.readAt, p.mailedThrough]
      .filter((v): v is string => Boolean(v))
      .sort()
      .at(-1) ?? "";
  const { data } = await messagingDb()
    .entities.threadMessage.query.message({ studioId, threadId })
    .go({ order: "desc", limit: Math.min(p.unread, UNREAD_SHOWN) });
  const unread = data.filter((m) => m.createdAt > since && m.senderParty !== p.party).reverse();
  if (unread.length === 0) return null;
  const replyId = replyIdFor(studioId, "thread", threadId, p.party);
  const rendered = threadMessagesMessage({
    studioName: studio.name,
    greetingName: p.kind === "studio" ? studio.name : p.name.split(" ")[0] || p.name,
    subject: thread.subject,
    messages: unread.map((m) => ({
      senderName: m.senderName,
      when: shortInstantWords(m.createdAt, studio.timeZone),
      body: m.body,
      files: (m.attachments ?? []).map((f) => f.name),
    })),
    open: { label: "Open the conversation", url: threadUrl(studioId, threadId, p.party) },
    unsubscribe: unsubscribable(studio, to, "messages"),
  });
  return {
    replyId,
    email: {
      scope: studioId,
      messageId: `thread-mail#${threadId}#${p.party}#${thread.lastMessageAt}`,
      to,
      brand: emailBrand(studio),
      replyTo: replyAddressOf(replyId),
      email: rendered,
      notice: notice(studio, "messages", `thread:${threadId}`, {
        title: `${unread.length === 1 ? `New message from ${unread[0]!.senderName}` : `${unread.length} new messages`}: ${thread.subject}`,
        link: threadUrl(studioId, threadId, p.party),
      }),
    },
  };
}
