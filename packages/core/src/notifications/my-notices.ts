import { z } from "zod";
import { itemOf } from "../kernel/db/read-together";
import { notFound } from "../kernel/errors";
import { isConditionalFailure } from "../kernel/db/conditional-failure";
import { page, pageQuerySchema, type PageQuery } from "../kernel/pagination/pagination";
import { readAsActor, type Actor } from "../policy";
import { noticesDb } from "./notices-db";
import { unreadNoticeCount } from "./unread-count";
import { entryKey, type NotificationRecord } from "./notification.entity";
import { PREFERENCE_TYPES, type PreferenceType } from "./notification-types";

/** Mark-all-read clears at most this many at once (the oldest stay unread for another click). */
const MARK_ALL = 500;

/** An entry's id in the API: its key within the person's own partition, opaque. */
const entryId = (e: Pick<NotificationRecord, "day" | "type" | "subject">) => Buffer.from(JSON.stringify([e.day, e.type, e.subject])).toString("base64url");

function openEntryId(userId: string, id: string) {
  try {
    const [day, type, subject] = JSON.parse(Buffer.from(id, "base64url").toString("utf8")) as [string, PreferenceType, string];
    if (typeof day === "string" && PREFERENCE_TYPES.includes(type) && typeof subject === "string") return { userId, day, type, subject };
  } catch {}
  return null;
}

export const markNoticesReadSchema = z
  .object({
    ids: z.array(z.string().min(1).max(2000)).min(1, "name at least one notification, or send all: true").max(100, "at most 100 at once").optional(),
    all: z.literal(true).optional(),
  })
  .strict()
  .refine((v) => Boolean(v.ids) !== Boolean(v.all), { message: "send either ids or all: true", path: ["ids"] });
export type MarkNoticesReadInput = z.infer<typeof markNoticesReadSchema>;

const view = (e: NotificationRecord) => ({
  id: entryId(e),
  type: e.type,
  studio: { id: e.studioId, name: e.studioName },
  title: e.title,
  text: e.text ?? null,
  link: e.link ?? null,
  count: e.count,
  at: e.lastAt,
  read: !e.unreadBy,
});
export type NoticeView = ReturnType<typeof view>;

/** The signed-in person's login, refused unless its address is confirmed (an unconfirmed sign-up must not read another's mail). */
async function confirmedUser(actor: Actor) {
  const [user] = await readAsActor(actor, itemOf(noticesDb().entities.user, { userId: actor.userId }));
  if (!user) throw notFound("User");
  return user;
}

/**
 * The signed-in person's notification centre, newest first (their own partition, one Query a
 * page), with the unread count for the bell (one Query of the unread index). Entries kept out of
 * the app (a digest only) are not listed.
 */
export async function listMyNotices(actor: Actor, query: PageQuery) {
  const user = await confirmedUser(actor);
  if (!user.emailVerifiedAt) return { items: [], nextCursor: null, unread: 0, confirmed: false };
  const { notification } = noticesDb().entities;
  const [list, unread] = await Promise.all([
    page<NotificationRecord>(
      { studioId: "me", list: "notifications", params: { userId: actor.userId } },
      (options) => notification.query.notification({ userId: actor.userId }).go({ ...options, order: "desc" }),
      query,
      (items) => items.filter((e) => e.inApp),
    ),
    unreadNoticeCount(actor.userId),
  ]);
  const items = list.items.sort((a, b) => b.lastAt.localeCompare(a.lastAt)).map(view);
  return { items, nextCursor: list.nextCursor, unread, confirmed: true };
}

/** Marks the named entries (or every unread one) of the signed-in person read; naming one twice, or another's, changes nothing. */
export async function markMyNoticesRead(actor: Actor, input: MarkNoticesReadInput) {
  await confirmedUser(actor);
  const { notification } = noticesDb().entities;
  const keys = input.all
    ? (await notification.query.unreadNotifications({ unreadBy: actor.userId }).go({ pages: "all", limit: MARK_ALL })).data.map(entryKey)
    : (input.ids ?? []).flatMap((id) => openEntryId(actor.userId, id) ?? []);
  const at = new Date().toISOString();
  await Promise.all(
    keys.map((key) =>
      notification
        .patch(key)
        .set({ readAt: at })
        .remove(["unreadBy", "unreadAt"])
        .where((a, op) => op.exists(a.unreadBy))
        .go()
        .catch((error: unknown) => {
          if (!isConditionalFailure(error)) throw error;
        }),
    ),
  );
  return { unread: await unreadNoticeCount(actor.userId) };
}

/** `?limit=&cursor=` of the centre's list. */
export const noticesQuerySchema = pageQuerySchema;
