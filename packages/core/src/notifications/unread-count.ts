import { noticesDb } from "./notices-db";

/** The bell counts up to this; more shows as "99+". */
export const UNREAD_COUNTED = 99;

/**
 * The number of unread entries in a person's centre, up to UNREAD_COUNTED + 1 (one Query of the
 * sparse unread index). Its own file: GET /v1/me reads it on every page, and the platform's bundle
 * should not carry the rest of the centre.
 */
export async function unreadNoticeCount(userId: string): Promise<number> {
  const { data } = await noticesDb()
    .entities.notification.query.unreadNotifications({ unreadBy: userId })
    .go({ limit: UNREAD_COUNTED + 1, attributes: ["unreadAt"] });
  return data.length;
}
