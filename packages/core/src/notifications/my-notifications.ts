import { itemOf } from "../kernel/db/read-together";
import { db } from "../db";
import { notFound } from "../kernel/errors";
import { loadMemberWith, type Actor } from "../policy";
import { NOTIFICATION_LABELS, NOTIFICATION_TYPES, type NotificationType } from "./notification-types";
import { preferencesOf, setPreference, type Preference } from "./opt-outs";
import type { NotificationPreferencesInput } from "./schemas";

/** The member's own address in the studio (their login's) and the types it gets. */
async function memberAddress(actor: Actor, studioId: string) {
  const { records, studio } = await loadMemberWith(actor, studioId, itemOf(db().entities.user, { userId: actor.userId }));
  const [user] = records;
  if (!user) throw notFound("User");
  return { email: user.email, studio: { id: studio.studioId, name: studio.name } };
}

const view = ({ email, studio }: { email: string; studio: { id: string; name: string } }, wanted: Record<NotificationType, Preference>) => ({
  studio,
  email,
  preferences: NOTIFICATION_TYPES.map((type) => ({ type, ...NOTIFICATION_LABELS[type], subscribed: wanted[type].mail !== "off" })),
});

/** Which non-essential mail from this studio the signed-in member's address gets (any member). */
export async function getMyNotifications(actor: Actor, studioId: string) {
  const member = await memberAddress(actor, studioId);
  return view(member, await preferencesOf(studioId, member.email));
}

/** Changes them; the same opt-outs an email's unsubscribe link writes, keyed by the address. */
export async function setMyNotifications(actor: Actor, studioId: string, input: NotificationPreferencesInput) {
  const member = await memberAddress(actor, studioId);
  const current = await preferencesOf(studioId, member.email);
  // "On" keeps a daily digest as it is (this page predates the digest; /v1/me/preferences chooses it).
  const changes = NOTIFICATION_TYPES.filter((type) => input[type] !== undefined && !(input[type] && current[type].mail === "digest"));
  await Promise.all(changes.map((type) => setPreference(studioId, member.email, type, input[type]!, "preferences")));
  return view(member, await preferencesOf(studioId, member.email));
}
