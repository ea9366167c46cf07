import { renderActionEmail, type EmailLink, type RenderedEmail } from "./layout";

const timeFormats = new Map<string, { day: Intl.DateTimeFormat; time: Intl.DateTimeFormat }>();
function formatsFor(timeZone: string) {
  let f = timeFormats.get(timeZone);
  if (!f) {
    f = {
      day: new Intl.DateTimeFormat("en-GB", { timeZone, weekday: "long", day: "numeric", month: "long", year: "numeric" }),
      time: new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }),
    };
    timeFormats.set(timeZone, f);
  }
  return f;
}

/** A lesson's time on the studio's wall clock: "Tuesday 12 January 2027, 16:00–16:45 (America/New_York)". */
export function lessonTimeWords(start: string, end: string, timeZone: string): string {
  const { day, time } = formatsFor(timeZone);
  return `${day.format(new Date(start))}, ${time.format(new Date(start))}–${time.format(new Date(end))} (${timeZone})`;
}

/** A local date in words: "12 April 2027". */
export const localDateWords = (date: string) =>
  new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" }).format(new Date(`${date}T00:00:00Z`));

export interface StudentOutcome {
  studentName: string;
  /** The policy's outcome in words: "credit issued: 52 h notice". */
  explanation: string;
  /** Local date the credit can be spent until, when one was issued. */
  creditExpiresOn?: string;
  /** "Book your make-up": the credit's signed link for this recipient. */
  makeup?: EmailLink;
}

/** How to make a cancelled lesson up, given the credits it earned. */
export function makeupAdvice(studioName: string, outcomes: StudentOutcome[]): string {
  const credited = outcomes.filter((o) => o.creditExpiresOn);
  if (credited.length === 0) {
    return `No make-up credit was issued for this, so it cannot be booked again with a credit; contact ${studioName} if you would like to arrange a make-up lesson.`;
  }
  const until = [...new Set(credited.map((o) => localDateWords(o.creditExpiresOn!)))].join(" / ");
  if (credited.every((o) => o.makeup)) {
    return `Book the make-up lesson yourself: the button below lists the teacher's free times, and a credit pays for it (valid until ${until}).`;
  }
  return `To book a make-up lesson, contact ${studioName}: they book it into a free slot with the teacher, using the ${credited.length === 1 ? "credit before it expires" : "credits before they expire"} (valid until ${until}).`;
}

export interface LessonCancelledEmail {
  studioName: string;
  greetingName: string;
  /** lessonTimeWords of the lesson. */
  when: string;
  teacherName: string;
  by: "student" | "studio";
  reason: string;
  outcomes: StudentOutcome[];
  /** The studio's public page (its contact details). */
  url: string;
}

/** "Book your make-up" for each credit with a link ("… for Sam" when there are several), else the studio's page. */
function makeupActions(input: LessonCancelledEmail): { action: EmailLink; links: EmailLink[] } {
  const booked = input.outcomes.filter((o) => o.makeup);
  if (booked.length === 0) return { action: { label: `Contact ${input.studioName}`, url: input.url }, links: [] };
  const [first, ...rest] = booked.map((o) => ({
    label: booked.length === 1 ? o.makeup!.label : `${o.makeup!.label} for ${o.studentName}`,
    url: o.makeup!.url,
  }));
  return { action: first!, links: rest };
}

/** One cancelled lesson, to a student or a guardian: what, when (local time), the policy's outcome, how to make it up. */
export function lessonCancelledMessage(input: LessonCancelledEmail): RenderedEmail {
  const names = input.outcomes.map((o) => o.studentName);
  const whose = names.length === 1 ? `${names[0]}'s lesson` : `The lesson of ${names.join(" and ")}`;
  const who = input.by === "studio" ? `by ${input.studioName}` : "at the student's request";
  const outcome =
    input.outcomes.length === 1
      ? [`Cancellation policy outcome: ${input.outcomes[0]!.explanation}.`]
      : input.outcomes.map((o) => `Cancellation policy outcome for ${o.studentName}: ${o.explanation}.`);
  return renderActionEmail({
    subject: `Lesson cancelled: ${input.when}`,
    greeting: `Hi ${input.greetingName},`,
    paragraphs: [
      `${whose} with ${input.teacherName} on ${input.when} is cancelled ${who}.`,
      `Reason: ${input.reason}`,
      ...outcome,
      makeupAdvice(input.studioName, input.outcomes),
    ],
    ...makeupActions(input),
    footer: `You receive this because you are a student or the guardian of a student at ${input.studioName}.`,
  });
}
