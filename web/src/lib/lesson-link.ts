import type { AstroGlobal } from "astro";
import { api } from "./api";
import { call } from "./call";
import { studioFormat, type StudioFormat } from "./format";
import { optionalField, readForm } from "./form";
import { fieldErrors, plainProblem, problemMessage, type Problem } from "./problem";
import { REASON_WORDS } from "./problem-words";

export type LinkAction = "cancel" | "move" | "makeup" | "claim";

async function fetchLink(action: LinkAction, token: string) {
  const result = await call(api().v1.public["lesson-links"][":action"][":token"].$get({ param: { action, token } }));
  if (!result.ok && result.status >= 500) throw new Error(`Lesson link: API answered ${result.status}`);
  return result;
}

export type LessonLink = Extract<Awaited<ReturnType<typeof fetchLink>>, { ok: true }>["data"];

export interface LoadedLink {
  link: LessonLink;
  format: StudioFormat;
}

/** Why a link cannot be shown: not valid (404) or expired (410), in the site's words for its reason. */
export interface BrokenLink {
  status: number;
  message: string;
}

/**
 * The action page's one read: the link's lesson, state and offer. The token is the credential:
 * the page is never cached or indexed. A studio that changed its address since the email is
 * redirected to (the token still names the lesson).
 */
export async function loadLessonLink(astro: AstroGlobal, action: LinkAction): Promise<LoadedLink | BrokenLink | Response> {
  astro.response.headers.set("Cache-Control", "private, no-store");
  astro.response.headers.set("X-Robots-Tag", "noindex");
  const token = astro.params.token ?? "";
  const result = await fetchLink(action, token);
  if (!result.ok) {
    astro.response.status = result.status;
    return { status: result.status, message: brokenMessage(result.problem) };
  }
  const link = result.data;
  if (link.studio.slug !== astro.params.slug) {
    return astro.redirect(`/${link.studio.slug}/act/${action}/${encodeURIComponent(token)}${astro.url.search}`, astro.request.method === "GET" ? 301 : 303);
  }
  return { link, format: studioFormat(link.studio) };
}

/** A link page that gets a 404 says the link doesn't work, whatever record it missed. */
const brokenMessage = (problem: Problem) => plainProblem(problem, { not_found: REASON_WORDS["link.invalid"] });

/** The page's own address (for its form and its redirect after acting). */
export const linkPath = (astro: AstroGlobal, action: LinkAction) => `/${astro.params.slug}/act/${action}/${encodeURIComponent(astro.params.token ?? "")}`;

/** The free slots a link offers, by the studio's local day ("Mon 7 Dec" → slots). */
export function slotsByDay(slots: { start: string; end: string }[], format: StudioFormat) {
  const days = new Map<string, { start: string; end: string }[]>();
  for (const slot of slots) {
    const day = format.localDateOf(slot.start);
    days.set(day, [...(days.get(day) ?? []), slot]);
  }
  return [...days].map(([date, items]) => ({ date, label: format.localDate(date), items }));
}

/** After booking from a link: back to the page, saying which slot was booked. */
export const bookedRedirect = (path: string, lesson: { scheduledStart: string; scheduledEnd: string }) =>
  `${path}?booked=${encodeURIComponent(lesson.scheduledStart)}&until=${encodeURIComponent(lesson.scheduledEnd)}`;

/** The slot the redirect names, when both instants are real. */
export function bookedSlot(url: URL): { start: string; end: string } | undefined {
  const start = url.searchParams.get("booked");
  const end = url.searchParams.get("until");
  return start && end && !Number.isNaN(Date.parse(start)) && !Number.isNaN(Date.parse(end)) ? { start, end } : undefined;
}

/** What a page that books from a link (make-up, claim) keeps of a refused POST, to show with the form. */
export interface BookingAttempt {
  chosen?: string;
  errors: Record<string, string>;
  /** The refusal in words; none when the page itself shows why (a lost claim shows "taken"). */
  error?: string;
}

/**
 * A make-up or claim page's POST (a GET has nothing to do): books the chosen slot through the link
 * (a claim may come without one: the freed slot itself), then redirects back to the page saying
 * what was booked. A claim that lost the race (409) needs no words: the page reloads as "taken",
 * with the other times.
 */
export async function bookByLink(astro: AstroGlobal, action: "makeup" | "claim", path: string): Promise<BookingAttempt | Response> {
  if (astro.request.method !== "POST") return { errors: {} };
  const chosen = optionalField(await readForm(astro.request), "start");
  const param = { token: astro.params.token ?? "" };
  const links = api().v1.public["lesson-links"];
  const booked = await call(
    action === "claim"
      ? links.claim[":token"].$post({ param, json: chosen ? { start: chosen } : {} })
      : links.makeup[":token"].$post({ param, json: { start: chosen ?? "" } }),
  );
  if (!booked.ok && booked.status >= 500) throw new Error(`Booking by ${action} link: API answered ${booked.status}`);
  if (booked.ok) return astro.redirect(bookedRedirect(path, booked.data), 303);
  const lostRace = action === "claim" && booked.status === 409;
  return { chosen, errors: fieldErrors(booked.problem), error: lostRace ? undefined : problemMessage(booked.problem, ["start"]) };
}
