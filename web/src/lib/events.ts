import type { AstroGlobal } from "astro";
import { addDays, weekdayOf } from "@studiosync/core/kernel";
import type { EventInput } from "@studiosync/core/events";
import { AUDIENCE_CHOICES, AUDIENCE_MISSING, audienceOf, type AudienceChoice } from "./announcements";
import { eventsApi, type EventsClient } from "./api";
import type { AnyResponse } from "./call";
import { field } from "./form";
import { idempotencyHeader } from "./idempotency";
import { fieldErrors, problemMessage, type FieldErrors, type Problem } from "./problem";
import { asUserOf, type SessionContext } from "./session";
import type { Tone } from "./tone";

/**
 * The events' pages (workspace, portal, public and the emailed links' page): their own typed
 * client, links, the event form (what it posts and how it becomes the API's request), the words
 * for kinds and answers, and the month grid of the calendar.
 */
export const asEvents = <R extends AnyResponse>(ctx: SessionContext, send: (client: EventsClient) => Promise<R>) =>
  asUserOf(ctx, (token) => eventsApi(token), send);

export const eventsHref = (base: string, rest = "") => `${base}/events${rest}`;
export const eventHref = (base: string, id: string, rest = "") => `${base}/events/${encodeURIComponent(id)}${rest}`;
export const publicEventHref = (slug: string, id: string) => `/${encodeURIComponent(slug)}/events/${encodeURIComponent(id)}`;

export const KIND_WORDS: Record<string, string> = {
  recital: "Recital",
  concert: "Concert",
  workshop: "Workshop",
  masterclass: "Masterclass",
  holiday: "Holiday",
  other: "Event",
};
export const ANSWER_WORDS: Record<string, { label: string; tone: Tone }> = {
  yes: { label: "Coming", tone: "success" },
  maybe: { label: "Maybe", tone: "warning" },
  no: { label: "Not coming", tone: "neutral" },
};
export const ANSWER_CHOICES = [
  { value: "yes", label: "Yes, coming" },
  { value: "maybe", label: "Maybe" },
  { value: "no", label: "Can't come" },
] as const;

const DAY = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", weekday: "short", day: "numeric", month: "short", year: "numeric" });
/** A local date ("2027-03-20") as "Sat 20 Mar 2027", with no zone shift. */
export const dayWords = (date: string) => DAY.format(new Date(`${date}T00:00:00Z`));

/** When an event is, from its local values in the studio's zone: "Sat 20 Mar 2027, 19:00–20:30". */
export function whenWords(e: { date: string; endDate: string | null; startTime: string | null; endTime: string | null; allDay: boolean }) {
  const days = e.endDate && e.endDate !== e.date ? `${dayWords(e.date)} – ${dayWords(e.endDate)}` : dayWords(e.date);
  return e.allDay ? `${days}, all day` : `${days}, ${e.startTime}–${e.endTime}`;
}

/** Seats in words: "12 of 40 seats left", "Full", or nothing without a capacity. */
export const seatsWords = (rsvp: { capacity: number | null; seatsLeft: number | null }) =>
  rsvp.capacity === null ? null : rsvp.seatsLeft === 0 ? "Full" : `${rsvp.seatsLeft} of ${rsvp.capacity} seats left`;

export const REMINDER_CHOICES = [
  { value: "", label: "No reminder" },
  { value: "24", label: "The day before" },
  { value: "48", label: "Two days before" },
  { value: "168", label: "A week before" },
] as const;

/** The event form as posted, kept to show again. */
export interface EventFormState {
  title: string;
  kind: string;
  description: string;
  location: string;
  date: string;
  endDate: string;
  allDay: boolean;
  startTime: string;
  endTime: string;
  audience: AudienceChoice;
  teacher: string;
  instrument: string;
  klass: string;
  band: string;
  people: string[];
  visibility: "public" | "members";
  rsvp: boolean;
  capacity: string;
  maxGuests: string;
  rsvpBy: string;
  reminder: string;
  notify: boolean;
  /** The files it has that are kept (their upload keys) and their names, on a change. */
  files: { uploadKey: string; name: string; kept: boolean }[];
  errors: FieldErrors;
  message?: string;
}

export const emptyEventForm = (date = ""): EventFormState => ({
  title: "",
  kind: "recital",
  description: "",
  location: "",
  date,
  endDate: "",
  allDay: false,
  startTime: "18:00",
  endTime: "19:30",
  audience: "everyone",
  teacher: "",
  instrument: "",
  klass: "",
  band: "",
  people: [],
  visibility: "members",
  rsvp: true,
  capacity: "",
  maxGuests: "2",
  rsvpBy: "",
  reminder: "24",
  notify: true,
  files: [],
  errors: {},
});

export function eventFormState(form: FormData): EventFormState {
  return {
    title: field(form, "title"),
    kind: field(form, "kind") || "other",
    description: field(form, "description"),
    location: field(form, "location"),
    date: field(form, "date"),
    endDate: field(form, "endDate"),
    allDay: form.has("allDay"),
    startTime: field(form, "startTime"),
    endTime: field(form, "endTime"),
    audience: AUDIENCE_CHOICES.find((c) => c.value === field(form, "audience"))?.value ?? "everyone",
    teacher: field(form, "teacher"),
    instrument: field(form, "instrument"),
    klass: field(form, "class"),
    band: field(form, "band"),
    people: form.getAll("people").filter((v): v is string => typeof v === "string" && v.includes(":")),
    visibility: field(form, "visibility") === "public" ? "public" : "members",
    rsvp: form.has("rsvp"),
    capacity: field(form, "capacity"),
    maxGuests: field(form, "maxGuests"),
    rsvpBy: field(form, "rsvpBy"),
    reminder: field(form, "reminder"),
    notify: form.has("notify"),
    files: form.getAll("file").flatMap((v) => {
      if (typeof v !== "string") return [];
      const [uploadKey, ...name] = v.split("|");
      return uploadKey && name.length ? [{ uploadKey, name: name.join("|"), kept: form.getAll("keep").includes(uploadKey) }] : [];
    }),
    errors: {},
  };
}

/** A saved event as the form shows it, to change it. */
export function eventFormOf(e: {
  title: string;
  kind: string;
  description: string | null;
  location: string | null;
  date: string;
  endDate: string | null;
  allDay: boolean;
  startTime: string | null;
  endTime: string | null;
  audience: { kind: string; id: string | null; people: { kind: string; id: string }[] | null } | null;
  visibility: "public" | "members";
  rsvp: { enabled: boolean; capacity: number | null; maxGuests: number; rsvpBy: string | null };
  remindHoursBefore: number | null;
  attachments: { name: string; uploadKey: string | null }[];
}): EventFormState {
  const kind = (e.audience?.kind ?? "everyone") as AudienceChoice;
  const id = e.audience?.id ?? "";
  return {
    ...emptyEventForm(e.date),
    title: e.title,
    kind: e.kind,
    description: e.description ?? "",
    location: e.location ?? "",
    endDate: e.endDate ?? "",
    allDay: e.allDay,
    startTime: e.startTime ?? "",
    endTime: e.endTime ?? "",
    audience: kind,
    teacher: kind === "teacher" ? id : "",
    instrument: kind === "instrument" ? id : "",
    klass: kind === "class" ? id : "",
    band: kind === "band" ? id : "",
    people: (e.audience?.people ?? []).map((p) => `${p.kind}:${p.id}`),
    visibility: e.visibility,
    rsvp: e.rsvp.enabled,
    capacity: e.rsvp.capacity === null ? "" : String(e.rsvp.capacity),
    maxGuests: String(e.rsvp.maxGuests),
    rsvpBy: e.rsvp.rsvpBy ?? "",
    reminder: e.remindHoursBefore ? String(e.remindHoursBefore) : "",
    notify: false,
    files: e.attachments.flatMap((f) => (f.uploadKey ? [{ uploadKey: f.uploadKey, name: f.name, kept: true }] : [])),
  };
}

const whole = (value: string) => (/^\d+$/.test(value.trim()) ? Number(value.trim()) : Number.NaN);

/** The API's request for a form's state, or the state with what the form itself can tell is missing. */
export function eventRequest(state: EventFormState, added: { uploadKey: string; name: string }[] = []): { input: EventInput } | { state: EventFormState } {
  const errors: FieldErrors = {};
  if (!state.title) errors.title = "Give the event a title.";
  if (!state.date) errors.date = "Choose the day.";
  if (!state.allDay && (!state.startTime || !state.endTime)) errors.startTime = "Give the start and end times, or tick All day.";
  const audience = audienceOf(state);
  if (!audience) {
    const [name, words] = AUDIENCE_MISSING[state.audience] ?? ["audience", "Choose whom it is for."];
    errors[name] = words;
  }
  const capacity = state.capacity.trim() ? whole(state.capacity) : undefined;
  if (capacity !== undefined && !(capacity >= 1)) errors.capacity = "Give the number of seats (1 or more), or leave it empty for no limit.";
  const maxGuests = state.maxGuests.trim() ? whole(state.maxGuests) : 0;
  if (Number.isNaN(maxGuests)) errors.maxGuests = "Give a whole number of guests (0 for none).";
  const remindHoursBefore = state.reminder ? whole(state.reminder) : undefined;
  if (Object.keys(errors).length || !audience) return { state: { ...state, errors } };
  return {
    input: {
      title: state.title,
      kind: state.kind as EventInput["kind"],
      ...(state.description ? { description: state.description } : {}),
      ...(state.location ? { location: state.location } : {}),
      date: state.date,
      ...(state.endDate ? { endDate: state.endDate } : {}),
      ...(state.allDay ? {} : { startTime: state.startTime, endTime: state.endTime }),
      audience,
      visibility: state.visibility,
      rsvp: state.rsvp,
      ...(state.rsvp && capacity !== undefined ? { capacity } : {}),
      maxGuests,
      ...(state.rsvpBy ? { rsvpBy: state.rsvpBy } : {}),
      ...(remindHoursBefore ? { remindHoursBefore } : {}),
      notify: state.notify,
      attachments: [...state.files.filter((f) => f.kept).map(({ uploadKey, name }) => ({ uploadKey, name })), ...added],
    },
  };
}

/** At most this many files an event; each at most 10 MB (the API checks the stored bytes and type too). */
export const MAX_EVENT_FILES = 10;
const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const FILE_ACCEPT = ".pdf,.png,.jpg,.jpeg,.webp,.gif,.mp3,.m4a,.txt,.doc,.docx";
const TYPE_OF: Record<string, string> = {
  pdf: "application/pdf",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  webp: "image/webp",
  gif: "image/gif",
  mp3: "audio/mpeg",
  m4a: "audio/mp4",
  txt: "text/plain",
  doc: "application/msword",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

/** The files a form posted (empty file inputs send a nameless empty part: skipped). */
const postedFiles = (form: FormData) => form.getAll("files").filter((f): f is File => f instanceof File && f.size > 0 && f.name !== "");

/** Uploads the posted files (a presigned PUT each, from this site's server), ready to name as `attachments`. */
async function uploadEventFiles(ctx: SessionContext, studioId: string, files: File[]) {
  type Result = { ok: true; attachments: { uploadKey: string; name: string }[] } | { ok: false; signedOut?: true; message: string };
  if (files.length > MAX_EVENT_FILES) return { ok: false, message: `Attach at most ${MAX_EVENT_FILES} files.` } as Result;
  const attachments: { uploadKey: string; name: string }[] = [];
  for (const file of files) {
    if (file.size > MAX_FILE_BYTES) return { ok: false, message: `“${file.name}” is larger than 10 MB.` } as Result;
    const contentType = TYPE_OF[file.name.split(".").pop()?.toLowerCase() ?? ""] ?? file.type;
    const slot = await asEvents(ctx, (c) =>
      c.v1.studios[":studioId"].events.uploads.$post({
        param: { studioId },
        json: { name: file.name, contentType: contentType as "application/pdf", size: file.size },
      }),
    );
    if (!slot) return { ok: false, signedOut: true, message: "Your session has ended." } as Result;
    if (!slot.ok) return { ok: false, message: `“${file.name}”: ${problemMessage(slot.problem)}` } as Result;
    const put = await fetch(slot.data.url, { method: "PUT", headers: slot.data.headers, body: Buffer.from(await file.arrayBuffer()) });
    if (!put.ok) return { ok: false, message: `“${file.name}” could not be stored; try again.` } as Result;
    attachments.push({ uploadKey: slot.data.uploadKey, name: file.name });
  }
  return { ok: true, attachments } as Result;
}

/** An event file's link on the site (its page redirects to a short-lived download). */
export const eventFileHref = (eventPage: string, index: number) => `${eventPage}/files/${index}`;

/** Where the API's refusals belong on the form. */
const FIELD_OF: Record<string, string> = { "audience.id": "audience", "audience.name": "instrument", endTime: "startTime" };
const KNOWN = [
  "title",
  "kind",
  "description",
  "location",
  "date",
  "endDate",
  "startTime",
  "endTime",
  "audience",
  "visibility",
  "capacity",
  "maxGuests",
  "rsvpBy",
  "remindHoursBefore",
  "audience.id",
  "audience.name",
];

export function refusedEvent(state: EventFormState, problem: Problem): EventFormState {
  const errors: FieldErrors = {};
  for (const [path, words] of Object.entries(fieldErrors(problem)))
    errors[FIELD_OF[path] ?? (path.startsWith("audience.people") ? "people" : path.startsWith("attachments") ? "files" : path)] = words;
  return { ...state, errors, message: problemMessage(problem, KNOWN) };
}

/** What the event form's POST did: saved (and where to), or the form again with what went wrong. */
export async function saveEvent(ctx: SessionContext, studioId: string, request: Request, editing: string | null) {
  const form = await request.formData().catch(() => new FormData());
  const state = eventFormState(form);
  const checked = eventRequest(state);
  if ("state" in checked) return { kind: "invalid" as const, state: checked.state, status: 422 };
  const uploaded = await uploadEventFiles(ctx, studioId, postedFiles(form));
  if (!uploaded.ok) {
    if (uploaded.signedOut) return { kind: "signedOut" as const };
    return { kind: "invalid" as const, status: 422, state: { ...state, errors: { files: uploaded.message } } };
  }
  const made = eventRequest(state, uploaded.attachments);
  if ("state" in made) return { kind: "invalid" as const, state: made.state, status: 422 };
  const json = made.input;
  const saved = editing
    ? await asEvents(ctx, (c) => c.v1.studios[":studioId"].events[":eventId"].$put({ param: { studioId, eventId: editing }, json }))
    : await asEvents(ctx, (c) => c.v1.studios[":studioId"].events.$post({ param: { studioId }, header: idempotencyHeader(form), json }));
  if (!saved) return { kind: "signedOut" as const };
  if (saved.ok) return { kind: "saved" as const, id: saved.data.id, invited: saved.data.invitedCount };
  if (saved.status >= 500) throw new Error(`saving an event answered ${saved.status}`);
  return { kind: "invalid" as const, status: saved.status, state: refusedEvent(state, saved.problem) };
}

/** An RSVP form's answer as posted: whom it is for, the answer, the guests. */
export function rsvpOf(form: FormData) {
  const guests = whole(field(form, "guests") || "0");
  const answer = field(form, "answer");
  return {
    person: field(form, "person"),
    answer: (["yes", "no", "maybe"].includes(answer) ? answer : "") as "yes" | "no" | "maybe",
    guests: Number.isNaN(guests) ? -1 : guests,
  };
}

/** One cell of the month grid: a local date, whether it is in the month, and the events on it. */
export interface MonthDay<E> {
  date: string;
  inMonth: boolean;
  events: E[];
}

/** The month of `month` ("2027-03") as weeks Monday to Sunday, each day with the events that start or run on it. */
export function monthGrid<E extends { date: string; endDate: string | null }>(month: string, events: E[]): MonthDay<E>[][] {
  const first = `${month}-01`;
  const start = addDays(first, 1 - weekdayOf(first));
  const weeks: MonthDay<E>[][] = [];
  let day = start;
  do {
    const week: MonthDay<E>[] = [];
    for (let i = 0; i < 7; i++) {
      const date = day;
      week.push({ date, inMonth: date.startsWith(month), events: events.filter((e) => e.date <= date && (e.endDate ?? e.date) >= date) });
      day = addDays(day, 1);
    }
    weeks.push(week);
  } while (day.startsWith(month));
  return weeks;
}

/** The month a calendar page shows: `?month=2027-03`, else the studio's current month. */
export function monthOf(astro: Pick<AstroGlobal, "url">, today: string) {
  const asked = astro.url.searchParams.get("month") ?? "";
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(asked) ? asked : today.slice(0, 7);
}

export const monthBounds = (month: string) => {
  const from = `${month}-01`;
  const next = addDays(from, 32).slice(0, 7);
  return { from, to: addDays(`${next}-01`, -1), next, previous: addDays(from, -1).slice(0, 7) };
};

type FileContext = SessionContext & {
  params: Record<string, string | undefined>;
  url: URL;
  redirect(path: string, status?: 301 | 302 | 303 | 307 | 308): Response;
};

/** An event's file for someone who sees the event (workspace, portal): a redirect to its short-lived download link. */
export async function eventFileRedirect(ctx: FileContext) {
  const { studioId = "", eventId = "", index = "" } = ctx.params;
  if (!/^\d$/.test(index)) return new Response("Not found", { status: 404 });
  const link = await asEvents(ctx, (c) => c.v1.studios[":studioId"].events[":eventId"].attachments[":index"].$get({ param: { studioId, eventId, index } }));
  if (!link) return ctx.redirect(`/login?next=${encodeURIComponent(ctx.url.pathname)}`, 303);
  if (!link.ok) return new Response("Not found", { status: link.status >= 500 ? 503 : 404 });
  return ctx.redirect(link.data.url, 303);
}
