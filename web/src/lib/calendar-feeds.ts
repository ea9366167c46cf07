import type { AstroCookies } from "astro";

/** A feed's subscription address for calendar apps: `webcal://` opens the app, `https://` is pasted into it. */
export const webcalUrl = (url: string) => url.replace(/^https?:\/\//, "webcal://");

export type FeedSubjectType = "teacher" | "student" | "family";

/** The subject picker's value, "teacher:<id>" or "student:<id>", split (null when it is neither). */
export function readSubject(value: string): { subjectType: FeedSubjectType; subjectId: string } | null {
  const match = /^(teacher|student|family):(.+)$/.exec(value);
  return match ? { subjectType: match[1] as FeedSubjectType, subjectId: match[2]! } : null;
}

export const subjectValue = (type: FeedSubjectType, id: string) => `${type}:${id}`;

/**
 * A new feed's address survives the POST → redirect → GET in a short-lived httpOnly cookie scoped
 * to the subscriptions page, read once and cleared: the API shows the address only at creation,
 * and reloading the page must not show it (or make another feed) again.
 */
const NEW_FEED_COOKIE = "ss_new_feed";
type CookieContext = { cookies: AstroCookies; url: URL };

export function keepNewFeedUrl(ctx: CookieContext, path: string, url: string): void {
  ctx.cookies.set(NEW_FEED_COOKIE, url, { httpOnly: true, sameSite: "lax", secure: ctx.url.protocol === "https:", path, maxAge: 300 });
}

export function takeNewFeedUrl(ctx: CookieContext, path: string): string | undefined {
  const url = ctx.cookies.get(NEW_FEED_COOKIE)?.value;
  if (url) ctx.cookies.delete(NEW_FEED_COOKIE, { path });
  return url || undefined;
}
