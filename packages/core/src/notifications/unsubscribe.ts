import { notFound } from "../kernel/errors";
import { isLive } from "../studios";
import { presignDownload } from "../files";
import { notificationsDb } from "./notifications-db";
import { NOTIFICATION_LABELS } from "./notification-types";
import { preferencesOf, setPreference } from "./opt-outs";
import { readUnsubscribeToken } from "./unsubscribe-token";

const LOGO_URL_SECONDS = 60 * 60;

/**
 * What an unsubscribe link is about, for its page: the studio's brand, the address, the type and
 * whether that address still gets it. Reading changes nothing (mail scanners open links).
 */
export async function readUnsubscribe(token: string) {
  const subject = readUnsubscribeToken(token);
  const { data: studio } = await notificationsDb().entities.studio.get({ studioId: subject.studioId }).go();
  if (!studio || !isLive(studio)) throw notFound("Studio");
  const wanted = (await preferencesOf(subject.studioId, subject.email))[subject.type].mail !== "off";
  return {
    studio: {
      name: studio.name,
      slug: studio.slug,
      themeColor: studio.themeColor ?? null,
      logoUrl: studio.logoKey ? await presignDownload(studio.logoKey, LOGO_URL_SECONDS) : null,
    },
    email: subject.email,
    type: subject.type,
    typeName: NOTIFICATION_LABELS[subject.type].name,
    subscribed: wanted,
  };
}

/** Stops (`subscribed: false`) or restarts the link's type of mail to its address; idempotent. */
export async function setSubscription(token: string, subscribed: boolean) {
  const subject = readUnsubscribeToken(token);
  await setPreference(subject.studioId, subject.email, subject.type, subscribed, "link");
  return { type: subject.type, subscribed };
}
