import { config } from "../kernel/config";
import { commitWritesOr, rejectedAs } from "../kernel/db/commit-writes";
import { itemOf, readTogether } from "../kernel/db/read-together";
import { emailBrand, noticeDigestMessage } from "../email";
import { outboxEmail } from "../outbox";
import { noticesDb } from "./notices-db";
import { entryKey, type NotificationRecord } from "./notification.entity";

/** Entries a digest lists at most (and a transaction clears with its email). */
const PER_DIGEST = 99;

export interface DigestRun {
  digests: number;
  entries: number;
  alreadySent: number;
}

export const NOTIFICATIONS_PAGE = "/notifications";
export const PREFERENCES_PAGE = "/account/notifications";

const utcDay = (at: Date) => at.toISOString().slice(0, 10);

/** Days back the job looks for digests still due (a job down for a day catches up). */
const LOOKBACK_DAYS = 2;

/** The entries waiting for a digest whose time has come (the due index, one Query per UTC day partition). */
async function dueEntries(now: Date): Promise<NotificationRecord[]> {
  const { notification } = noticesDb().entities;
  const days = Array.from({ length: LOOKBACK_DAYS + 1 }, (_, back) => utcDay(new Date(now.getTime() - back * 86_400_000)));
  const pages = await Promise.all(
    days.map((digestDay) => notification.query.noticeDigestsDue({ digestDay }).lte({ digestAt: now.toISOString() }).go({ pages: "all" })),
  );
  return pages.flatMap((page) => page.data);
}

/**
 * The daily digest job (hourly): for each person and studio whose digest time came, one email
 * listing the entries gathered since the last one, sent through the outbox in the same
 * transaction that takes the entries off the due index. Run twice, it sends once: the message id
 * names the person, the studio and the digest's time.
 */
export async function sendNoticeDigests({ now = new Date() }: { now?: Date } = {}): Promise<DigestRun> {
  const run: DigestRun = { digests: 0, entries: 0, alreadySent: 0 };
  const groups = new Map<string, NotificationRecord[]>();
  for (const entry of await dueEntries(now)) {
    const key = `${entry.userId}#${entry.studioId}`;
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  const { studio, user } = noticesDb().entities;
  for (const group of groups.values()) {
    const entries = group.sort((a, b) => a.lastAt.localeCompare(b.lastAt)).slice(0, PER_DIGEST);
    const first = entries[0]!;
    const [studioRecord, person] = await readTogether(itemOf(studio, { studioId: first.studioId }), itemOf(user, { userId: first.userId }));
    const at = entries.map((e) => e.digestAt ?? "").sort()[0]!;
    const email = noticeDigestMessage({
      studioName: first.studioName,
      greetingName: person?.name ?? first.email,
      items: entries.map((e) => ({ title: e.title, count: e.count })),
      open: { label: "Open your notifications", url: `${config().webUrl}${NOTIFICATIONS_PAGE}` },
      preferences: { label: "Change how you get these", url: `${config().webUrl}${PREFERENCES_PAGE}` },
    });
    const outcome = await commitWritesOr(noticesDb, (tx) => [
      rejectedAs(
        outboxEmail(tx, {
          scope: first.studioId,
          messageId: `digest#${first.userId}#${at}`,
          to: first.email,
          email,
          ...(studioRecord && !studioRecord.deletedAt ? { brand: emailBrand(studioRecord) } : {}),
        }),
        "already sent",
      ),
      ...entries.map((e) => tx.notification.patch(entryKey(e)).remove(["digestDay", "digestAt"]).commit()),
    ]);
    if (outcome) {
      // Sent by an earlier run that died before clearing: clear them now.
      run.alreadySent++;
      await Promise.all(entries.map((e) => noticesDb().entities.notification.patch(entryKey(e)).remove(["digestDay", "digestAt"]).go()));
    } else run.digests++;
    run.entries += entries.length;
  }
  if (run.digests > 0) console.log(JSON.stringify({ level: "info", message: "notice digests sent", ...run }));
  return run;
}
