import { itemOf, readTogether } from "../kernel/db/read-together";
import { notificationsDb } from "./notifications-db";
import { NOTIFICATION_TYPES, type NotificationType } from "./notification-types";

const normal = (email: string) => email.trim().toLowerCase();
/** DynamoDB's BatchGetItem takes at most 100 keys. */
const BATCH = 100;

/** Whether `email` asked the studio to stop mail of `type`. */
export async function isOptedOut(studioId: string, email: string, type: NotificationType): Promise<boolean> {
  return (await optedOutAmong(studioId, [email], type)).size > 0;
}

/**
 * The addresses among `emails` (lower-cased) that asked the studio to stop mail of `type`: one
 * BatchGetItem per 100 addresses, for a sender about to mail many.
 */
export async function optedOutAmong(studioId: string, emails: readonly string[], type: NotificationType): Promise<Set<string>> {
  const unique = [...new Set(emails.map(normal).filter(Boolean))];
  const { notificationOptOut } = notificationsDb().entities;
  const out = new Set<string>();
  for (let i = 0; i < unique.length; i += BATCH) {
    const chunk = unique.slice(i, i + BATCH);
    const found = await readTogether(...chunk.map((email) => itemOf(notificationOptOut, { studioId, email, type })));
    found.forEach((item, j) => item && out.add(chunk[j]!));
  }
  return out;
}

/** Every type with whether the address still gets it (one Query). */
export async function preferencesOf(studioId: string, email: string): Promise<Record<NotificationType, boolean>> {
  const { data } = await notificationsDb()
    .entities.notificationOptOut.query.optOut({ studioId, email: normal(email) })
    .go({ pages: "all" });
  const stopped = new Set(data.map((item) => item.type));
  return Object.fromEntries(NOTIFICATION_TYPES.map((type) => [type, !stopped.has(type)])) as Record<NotificationType, boolean>;
}

/** Stops (`wanted: false`) or restarts mail of one type to an address; doing it twice changes nothing. */
export async function setPreference(studioId: string, email: string, type: NotificationType, wanted: boolean, source: "link" | "preferences") {
  const optOut = notificationsDb().entities.notificationOptOut;
  const key = { studioId, email: normal(email), type };
  if (wanted) await optOut.delete(key).go();
  else await optOut.put({ ...key, source }).go();
}
