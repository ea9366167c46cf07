import { itemOf, readTogether } from "../kernel/db/read-together";
import { notificationsDb } from "./notifications-db";
import { PREFERENCE_TYPES, type MailChoice, type NotificationType, type PreferenceType } from "./notification-types";

const normal = (email: string) => email.trim().toLowerCase();
/** DynamoDB's BatchGetItem takes at most 100 keys. */
const BATCH = 100;

/** How an address gets one type of notice from a studio. */
export interface Preference {
  mail: MailChoice;
  inApp: boolean;
}

const DEFAULT: Preference = { mail: "immediate", inApp: true };

/** The preference a stored item (or none) stands for; an item without `mail` is an unsubscribe from before the digest. */
export const preferenceOf = (item: { mail?: MailChoice; inApp?: boolean } | null | undefined): Preference =>
  item ? { mail: item.mail ?? "off", inApp: item.inApp ?? true } : DEFAULT;

/** Whether `email` asked the studio not to email `type` as it happens (stopped, or gathered in the daily digest). */
export async function isOptedOut(studioId: string, email: string, type: NotificationType): Promise<boolean> {
  return (await optedOutAmong(studioId, [email], type)).size > 0;
}

/**
 * The addresses among `emails` (lower-cased) that are not to be emailed `type` as it happens:
 * they stopped it, or get it in the daily digest. One BatchGetItem per 100 addresses, for a
 * sender about to mail many.
 */
export async function optedOutAmong(studioId: string, emails: readonly string[], type: NotificationType): Promise<Set<string>> {
  const unique = [...new Set(emails.map(normal).filter(Boolean))];
  const { notificationOptOut } = notificationsDb().entities;
  const out = new Set<string>();
  for (let i = 0; i < unique.length; i += BATCH) {
    const chunk = unique.slice(i, i + BATCH);
    const found = await readTogether(...chunk.map((email) => itemOf(notificationOptOut, { studioId, email, type })));
    found.forEach((item, j) => item && preferenceOf(item).mail !== "immediate" && out.add(chunk[j]!));
  }
  return out;
}

/** Every type with how the address gets it (one Query). */
export async function preferencesOf(studioId: string, email: string): Promise<Record<PreferenceType, Preference>> {
  const { data } = await notificationsDb()
    .entities.notificationOptOut.query.optOut({ studioId, email: normal(email) })
    .go({ pages: "all" });
  const stored = new Map(data.map((item) => [item.type, item]));
  return Object.fromEntries(PREFERENCE_TYPES.map((type) => [type, preferenceOf(stored.get(type))])) as Record<PreferenceType, Preference>;
}

/**
 * Changes how an address gets one type (the parts of `change` given; the rest stay). Back to the
 * defaults deletes the item; doing it twice changes nothing.
 */
export async function changePreference(studioId: string, email: string, type: PreferenceType, change: Partial<Preference>, source: "link" | "preferences") {
  const optOut = notificationsDb().entities.notificationOptOut;
  const key = { studioId, email: normal(email), type };
  const { data: current } = await optOut.get(key).go();
  const next = { ...preferenceOf(current), ...change };
  if (next.mail === DEFAULT.mail && next.inApp === DEFAULT.inApp) await optOut.delete(key).go();
  else await optOut.put({ ...key, ...next, source }).go();
  return next;
}

/** Stops (`wanted: false`) or restarts (as it happens) the email of one type to an address; the in-app choice stays. */
export const setPreference = (studioId: string, email: string, type: NotificationType, wanted: boolean, source: "link" | "preferences") =>
  changePreference(studioId, email, type, { mail: wanted ? "immediate" : "off" }, source);
