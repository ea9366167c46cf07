import { config } from "../kernel/config";
import { itemOf, readTogether } from "../kernel/db/read-together";
import { addDays, localParts, zonedInstant } from "../kernel/time/wall-clock";
import { ENTITY_ATTRIBUTE, OUTBOX_ENTITY, type OutboxNotice, type StreamRecord } from "../outbox";
import { isConditionalFailure } from "../kernel/db/conditional-failure";
import { noticesDb } from "./notices-db";
import { hasInApp, PREFERENCE_TYPES, type NoticeType } from "./notification-types";
import { preferenceOf } from "./opt-outs";

/** When the daily digest goes, in the studio's zone. */
export const DIGEST_TIME = "18:00";

/** Entries are forgotten after this. */
const KEEP_SECONDS = 90 * 86_400;

interface CarriedNotice extends OutboxNotice {
  type: NoticeType;
  studioId: string;
  to: string;
  /** The message that carries it, and whether it is held (not emailed now). */
  source: string;
  held: boolean;
}

/** The notices carried by the outbox messages newly written in a batch of stream records, by record index. */
function carriedNotices(records: readonly StreamRecord[]): [number, CarriedNotice][] {
  return records.flatMap((record, index): [number, CarriedNotice][] => {
    const image = record.dynamodb?.NewImage;
    if (record.eventName !== "INSERT" || image?.[ENTITY_ATTRIBUTE]?.S !== OUTBOX_ENTITY || !image.notice?.S) return [];
    const scope = image.scope?.S;
    const to = image.to?.S;
    const notice = JSON.parse(image.notice.S) as OutboxNotice;
    if (!scope || !to || !PREFERENCE_TYPES.includes(notice.type as NoticeType) || !hasInApp(notice.type as NoticeType)) return [];
    return [
      [index, { ...notice, type: notice.type as NoticeType, studioId: scope, to, source: `${scope}#${image.messageId?.S}`, held: image.status?.S === "held" }],
    ];
  });
}

/** A link to the site as its path (the centre is on the same site); any other as it is. */
function sitePath(link: string | undefined) {
  const site = config().webUrl;
  return link?.startsWith(`${site}/`) ? link.slice(site.length) : link;
}

/** The next daily digest after `now` in `zone`. */
export function nextDigestAt(now: Date, zone: string): Date {
  const today = localParts(now, zone).date;
  const todays = zonedInstant(today, DIGEST_TIME, zone);
  return todays > now ? todays : zonedInstant(addDays(today, 1), DIGEST_TIME, zone);
}

/**
 * Files one notice in its recipient's notification centre: only for an address that is a
 * verified login (an unconfirmed sign-up must not read another's mail), as the recipient's
 * preference for its type says (shown in the app; waiting for the daily digest when the email
 * was held for it). The same (type, subject) on the same local day updates the day's entry —
 * newest title, one more in its count, unread again — and a record seen twice counts once.
 */
async function fileNotice(notice: CarriedNotice, now: Date) {
  const email = notice.to.trim().toLowerCase();
  const { credential, notificationOptOut, notification } = noticesDb().entities;
  const [login, stored] = await readTogether(
    itemOf(credential, { email }),
    itemOf(notificationOptOut, { studioId: notice.studioId, email, type: notice.type }),
  );
  if (!login?.emailVerifiedAt) return;
  const preference = preferenceOf(stored);
  const digest = notice.held && preference.mail === "digest";
  if (!preference.inApp && !digest) return;
  const at = now.toISOString();
  const digestAt = digest ? nextDigestAt(now, notice.zone).toISOString() : undefined;
  const entry = notification
    .update({ userId: login.userId, day: localParts(now, notice.zone).date, type: notice.type, subject: notice.subject })
    .set({
      studioId: notice.studioId,
      studioName: notice.studioName,
      email,
      zone: notice.zone,
      title: notice.title,
      lastAt: at,
      lastSource: notice.source,
      inApp: preference.inApp,
      expiresAt: Math.floor(now.getTime() / 1000) + KEEP_SECONDS,
      ...(notice.text ? { text: notice.text } : {}),
      ...(notice.link ? { link: sitePath(notice.link) } : {}),
      ...(preference.inApp ? { unreadBy: login.userId, unreadAt: at } : {}),
      ...(digestAt ? { digestDay: digestAt.slice(0, 10), digestAt } : {}),
    })
    .add({ count: 1 });
  const update = preference.inApp ? entry.remove(["readAt"]) : entry;
  try {
    await update.where((a, op) => `${op.notExists(a.lastSource)} OR ${op.ne(a.lastSource, notice.source)}`).go();
  } catch (error) {
    if (!isConditionalFailure(error)) throw error;
  }
}

/**
 * The stream consumer's other half (next to the outbox's sending): files the notice each new
 * outbox message carries. A record that could not be filed (DynamoDB failing) is reported by
 * index, so it is handed back; filing it again counts it once.
 */
export async function recordNotices(records: readonly StreamRecord[], now = new Date()): Promise<{ failedIndexes: number[] }> {
  const failedIndexes: number[] = [];
  for (const [index, notice] of carriedNotices(records)) {
    try {
      await fileNotice(notice, now);
    } catch (error) {
      failedIndexes.push(index);
      console.error(JSON.stringify({ level: "error", message: "notice not filed", source: notice.source, error: String(error) }));
    }
  }
  return { failedIndexes };
}
