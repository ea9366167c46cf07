import type { AstroGlobal } from "astro";
import { field, readForm } from "./form";
import { plainProblem } from "./problem";
import { asUser } from "./session";

/**
 * The notification centre (`/notifications`) and the preferences per type and channel
 * (`/account/notifications`): the signed-in person's own, across their studios.
 */
export const NOTIFICATIONS_HREF = "/notifications";
export const PREFERENCES_HREF = "/account/notifications";

/** The bell's words: the count (99+ past 99) and its label for screen readers. */
export function bellWords(unread: number) {
  const count = unread > 99 ? "99+" : String(unread);
  return { count, label: unread === 0 ? "Notifications" : `Notifications, ${count} unread` };
}

export const MAIL_WORDS: Record<string, string> = { immediate: "As it happens", digest: "Daily digest (18:00)", off: "Off" };

/** Where an entry may lead: a path of this site, `origin` (never another site, whatever a form posts). */
export function safeLink(link: string | null | undefined, origin: string): string | null {
  if (!link) return null;
  try {
    const url = new URL(link, origin);
    return url.origin === origin ? `${url.pathname}${url.search}${url.hash}` : null;
  } catch {
    return null;
  }
}

/** The centre's POSTs: open one (marked read, then followed), or mark every one read. */
export async function handleNoticeForm(astro: AstroGlobal): Promise<Response | { failure: string }> {
  const form = await readForm(astro.request);
  const intent = field(form, "intent");
  const json = intent === "all" ? { all: true as const } : { ids: [field(form, "id")] };
  const done = await asUser(astro, (c) => c.v1.me.notifications.read.$post({ json }));
  if (!done) return astro.redirect(`/login?next=${encodeURIComponent(NOTIFICATIONS_HREF)}`, 303);
  if (!done.ok) {
    if (done.status >= 500) throw new Error(`POST notifications/read answered ${done.status}`);
    return { failure: plainProblem(done.problem) };
  }
  const to = intent === "open" ? safeLink(field(form, "link"), astro.url.origin) : null;
  return astro.redirect(to ?? NOTIFICATIONS_HREF, 303);
}

/** The preferences form of one studio: an email choice and an in-app box per type. */
export async function handlePreferencesForm(astro: AstroGlobal, types: readonly string[]): Promise<Response | { failure: string; studioId: string }> {
  const form = await readForm(astro.request);
  const studioId = field(form, "studioId");
  const preferences = Object.fromEntries(
    types.map((type) => {
      const email = form.get(`${type}.email`);
      const inApp = form.get(`${type}.inAppShown`) === "1" ? form.get(`${type}.inApp`) === "on" : undefined;
      return [type, { ...(typeof email === "string" && email ? { email } : {}), ...(inApp === undefined ? {} : { inApp }) }];
    }),
  );
  const saved = await asUser(astro, (c) => c.v1.me.preferences.$put({ json: { studioId, preferences } as never }));
  if (!saved) return astro.redirect(`/login?next=${encodeURIComponent(PREFERENCES_HREF)}`, 303);
  if (saved.ok) return astro.redirect(`${PREFERENCES_HREF}?saved=${encodeURIComponent(studioId)}#studio-${encodeURIComponent(studioId)}`, 303);
  if (saved.status >= 500) throw new Error(`PUT preferences answered ${saved.status}`);
  return { failure: plainProblem(saved.problem), studioId };
}
