import { zonedInstant } from "@studiosync/core/kernel";
import type { Audience, ComposeAnnouncementInput } from "@studiosync/core/messaging";
import { asMessaging } from "./conversations";
import { field } from "./form";
import { fieldErrors, problemMessage, type FieldErrors, type Problem } from "./problem";
import type { SessionContext } from "./session";
import type { Tone } from "./tone";

/**
 * The announcements' pages (workspace and portal): links, the compose form (what it posts and
 * how it becomes the API's request), and the words for states.
 */
export const announcementsHref = (base: string, rest = "") => `${base}/announcements${rest}`;
export const announcementHref = (base: string, id: string, rest = "") => `${base}/announcements/${encodeURIComponent(id)}${rest}`;

export const AUDIENCE_CHOICES = [
  { value: "everyone", label: "Everyone: families, students and teachers" },
  { value: "families", label: "All families (and adult students)" },
  { value: "teachers", label: "All teachers" },
  { value: "teacher", label: "A teacher's students and their families" },
  { value: "instrument", label: "Students of an instrument and their families" },
  { value: "class", label: "A class" },
  { value: "band", label: "A band" },
  { value: "list", label: "People I pick" },
] as const;
export type AudienceChoice = (typeof AUDIENCE_CHOICES)[number]["value"];

export const STATUS_WORDS: Record<string, { label: string; tone: Tone }> = {
  draft: { label: "Draft", tone: "neutral" },
  scheduled: { label: "Scheduled", tone: "info" },
  sending: { label: "Sending", tone: "warning" },
  sent: { label: "Sent", tone: "success" },
  cancelled: { label: "Called off", tone: "neutral" },
};

/** A recipient's copy, in words (the receipt's states). */
export const RECEIPT_WORDS: Record<string, { label: string; tone: Tone }> = {
  queued: { label: "Waiting to send", tone: "neutral" },
  sent: { label: "Sent", tone: "info" },
  delivered: { label: "Delivered", tone: "success" },
  bounced: { label: "Bounced", tone: "danger" },
  complained: { label: "Marked as spam", tone: "danger" },
  failed: { label: "Could not send", tone: "danger" },
  suppressed: { label: "Not sent: address stopped", tone: "warning" },
  "in-app": { label: "In the app only", tone: "neutral" },
};

/** The compose form as posted, kept to show again. */
export interface ComposeState {
  subject: string;
  body: string;
  audience: AudienceChoice;
  teacher: string;
  instrument: string;
  klass: string;
  band: string;
  people: string[];
  email: boolean;
  inApp: boolean;
  when: "now" | "later";
  date: string;
  time: string;
  errors: FieldErrors;
  message?: string;
}

export const emptyCompose = (): ComposeState => ({
  subject: "",
  body: "",
  audience: "families",
  teacher: "",
  instrument: "",
  klass: "",
  band: "",
  people: [],
  email: true,
  inApp: true,
  when: "now",
  date: "",
  time: "",
  errors: {},
});

export function composeState(form: FormData): ComposeState {
  const audience = AUDIENCE_CHOICES.find((c) => c.value === field(form, "audience"))?.value ?? "families";
  return {
    subject: field(form, "subject"),
    body: field(form, "body"),
    audience,
    teacher: field(form, "teacher"),
    instrument: field(form, "instrument"),
    klass: field(form, "class"),
    band: field(form, "band"),
    people: form.getAll("people").filter((v): v is string => typeof v === "string" && v.includes(":")),
    email: form.has("email"),
    inApp: form.has("inApp"),
    when: field(form, "when") === "later" ? "later" : "now",
    date: field(form, "date"),
    time: field(form, "time"),
    errors: {},
  };
}

/** An instant as the studio's wall clock: the date and 24-hour time the form's inputs take. */
function wallClock(iso: string, timeZone: string) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** The state of a saved announcement, to edit it (a draft or a scheduled one). */
export function stateOf(
  a: {
    subject: string;
    body: string;
    audience: { kind: string };
    audienceId: string | null;
    picked: string[];
    email: boolean;
    inApp: boolean;
    sendAt: string | null;
  },
  timeZone: string,
): ComposeState {
  const kind = a.audience.kind as AudienceChoice;
  const at = a.sendAt ? wallClock(a.sendAt, timeZone) : { date: "", time: "" };
  return {
    ...emptyCompose(),
    subject: a.subject,
    body: a.body,
    audience: kind,
    teacher: kind === "teacher" ? (a.audienceId ?? "") : "",
    instrument: kind === "instrument" ? (a.audienceId ?? "") : "",
    klass: kind === "class" ? (a.audienceId ?? "") : "",
    band: kind === "band" ? (a.audienceId ?? "") : "",
    people: a.picked,
    email: a.email,
    inApp: a.inApp,
    when: a.sendAt ? "later" : "now",
    ...at,
  };
}

/** The audience a form's choices name (the announcements' and the events' forms), or null when its own choice is missing. */
export function audienceOf(state: Pick<ComposeState, "audience" | "teacher" | "instrument" | "klass" | "band" | "people">): Audience | null {
  switch (state.audience) {
    case "teacher":
      return state.teacher ? { kind: "teacher", id: state.teacher } : null;
    case "instrument":
      return state.instrument ? { kind: "instrument", name: state.instrument } : null;
    case "class":
      return state.klass ? { kind: "class", id: state.klass } : null;
    case "band":
      return state.band ? { kind: "band", id: state.band } : null;
    case "list": {
      const people = state.people.flatMap((value): { kind: "family" | "student" | "teacher"; id: string }[] => {
        const [kind, id] = value.split(":");
        return (kind === "family" || kind === "student" || kind === "teacher") && id ? [{ kind, id }] : [];
      });
      return people.length ? { kind: "list", people } : null;
    }
    default:
      return { kind: state.audience };
  }
}

export const AUDIENCE_MISSING: Partial<Record<AudienceChoice, [string, string]>> = {
  teacher: ["teacher", "Choose the teacher."],
  instrument: ["instrument", "Name the instrument."],
  class: ["class", "Choose the class."],
  band: ["band", "Choose the band."],
  list: ["people", "Pick at least one person."],
};

/** The API's request for a form's state, or the state with what the form itself can tell is missing. */
export function composeRequest(state: ComposeState, timeZone: string, draft: boolean): { input: ComposeAnnouncementInput } | { state: ComposeState } {
  const errors: FieldErrors = {};
  if (!state.subject) errors.subject = "Give the announcement a subject.";
  if (!state.body) errors.body = "Write the announcement.";
  const audience = audienceOf(state);
  if (!audience) {
    const [name, words] = AUDIENCE_MISSING[state.audience] ?? ["audience", "Choose whom it goes to."];
    errors[name] = words;
  }
  if (!state.email && !state.inApp) errors.email = "Choose at least one way to send it.";
  let sendAt: string | undefined;
  if (state.when === "later") {
    if (!state.date || !state.time) errors.date = "Choose the day and time to send it.";
    else {
      try {
        sendAt = zonedInstant(state.date, state.time, timeZone).toISOString();
      } catch {
        errors.date = "That day or time does not exist.";
      }
    }
  }
  if (Object.keys(errors).length || !audience) return { state: { ...state, errors } };
  return { input: { subject: state.subject, body: state.body, audience, email: state.email, inApp: state.inApp, draft, ...(sendAt ? { sendAt } : {}) } };
}

/** Where the API's refusals belong on the form. */
const FIELD_OF: Record<string, string> = { "audience.id": "audience", "audience.name": "instrument", sendAt: "date" };

export function refused(state: ComposeState, problem: Problem): ComposeState {
  const errors: FieldErrors = {};
  for (const [path, words] of Object.entries(fieldErrors(problem))) errors[FIELD_OF[path] ?? (path.startsWith("audience.people") ? "people" : path)] = words;
  return { ...state, errors, message: problemMessage(problem, ["subject", "body", "audience", "email", "inApp", "sendAt", "audience.id", "audience.name"]) };
}

export type ComposeIntent = "preview" | "test" | "draft" | "send";

/** What the compose page's POST did: saved (and where to), a preview or a test to show, or the form again with what went wrong. */
export async function composeAction(ctx: SessionContext, studioId: string, timeZone: string, request: Request, editing: string | null) {
  const form = await request.formData().catch(() => new FormData());
  const intent = (["preview", "test", "draft", "send"] as const).find((i) => i === field(form, "intent")) ?? "send";
  const state = composeState(form);
  const made = composeRequest(state, timeZone, intent === "draft");
  if ("state" in made) return { kind: "invalid" as const, state: made.state };
  const param = { studioId };
  const json = made.input;
  if (intent === "preview") {
    const preview = await asMessaging(ctx, (c) => c.v1.studios[":studioId"].announcements.preview.$post({ param, json }));
    if (!preview) return { kind: "signedOut" as const };
    return preview.ok
      ? { kind: "preview" as const, state, preview: preview.data }
      : { kind: "invalid" as const, status: preview.status, state: refused(state, preview.problem) };
  }
  if (intent === "test") {
    const test = await asMessaging(ctx, (c) => c.v1.studios[":studioId"].announcements.test.$post({ param, json }));
    if (!test) return { kind: "signedOut" as const };
    return test.ok
      ? { kind: "tested" as const, state, sentTo: test.data.sentTo }
      : { kind: "invalid" as const, status: test.status, state: refused(state, test.problem) };
  }
  const saved = editing
    ? await asMessaging(ctx, (c) => c.v1.studios[":studioId"].announcements[":announcementId"].$put({ param: { studioId, announcementId: editing }, json }))
    : await asMessaging(ctx, (c) => c.v1.studios[":studioId"].announcements.$post({ param, json }));
  if (!saved) return { kind: "signedOut" as const };
  if (saved.ok) return { kind: "saved" as const, id: saved.data.id, status: saved.data.status };
  if (saved.status >= 500) throw new Error(`saving an announcement answered ${saved.status}`);
  return { kind: "invalid" as const, status: saved.status, state: refused(state, saved.problem) };
}

export const SAVED_WORDS: Record<string, string> = {
  sending: "It is going out now: the first emails are on their way, the rest follow within minutes. Its progress shows below.",
  sent: "Sent: every email is on its way, and it is in the app. Who got it shows below as the answers come back.",
  scheduled: "Scheduled. It goes out at the time you chose; until then you can change it or call it off.",
  draft: "Saved as a draft. Nobody has received it.",
  cancelled: "Called off. Nobody received it.",
};
