import { renderActionEmail, type EmailLink, type RenderedEmail } from "./layout";
import { localDateWords } from "./lesson-cancelled";

export interface LessonSeriesEmail {
  /** booked: a new pattern; changed: it continues at a new day or time; ended: it stops (continued: a changed series follows); cancelled: it ends before its first lesson; closed: some dates are off (a closure). */
  kind: "booked" | "changed" | "ended" | "cancelled" | "closed";
  /** With "closed": the local dates without a lesson, and why. */
  closed?: { dates: string[]; reason: string };
  /** Set with "ended" when the lessons go on as a changed series (sent in its own email). */
  continued?: boolean;
  studioName: string;
  greetingName: string;
  studentNames: string[];
  teacherName: string;
  /** "every Tuesday", "every other Tuesday", "on the second Tuesday of each month". */
  rhythm: string;
  /** "16:00–16:45 (Europe/London)". */
  time: string;
  /** Local dates: the first lesson, and the last one when the series has an end. */
  firstDate: string;
  lastDate?: string;
  where?: string;
  studioUrl: string;
  calendar?: RenderedEmail["calendar"];
  /** With an invitation: the link that stops invitations from this studio. */
  stopInvites?: EmailLink;
}

const SUBJECTS: Record<LessonSeriesEmail["kind"], string> = {
  booked: "Regular lessons booked",
  changed: "Lessons changed",
  ended: "Lessons end",
  cancelled: "Lessons cancelled",
  closed: "No lessons while the studio is closed",
};

/** A recurring lesson's series booked, changed or ended, with its calendar invitation (the whole series in one). */
export function lessonSeriesMessage(input: LessonSeriesEmail): RenderedEmail {
  const whose = input.studentNames.length === 1 ? `${input.studentNames[0]}'s lessons` : `The lessons of ${input.studentNames.join(" and ")}`;
  const schedule = `${input.rhythm}, ${input.time}`;
  const until = input.lastDate ? `, until ${localDateWords(input.lastDate)}` : "";
  const headline = {
    booked: `${whose} with ${input.teacherName} are booked ${schedule}, starting ${localDateWords(input.firstDate)}${until}.`,
    changed: `${whose} with ${input.teacherName} change: from ${localDateWords(input.firstDate)} they are ${schedule}${until}.`,
    ended: `${whose} with ${input.teacherName} ${schedule} end: the last one is on ${localDateWords(input.lastDate ?? input.firstDate)}.`,
    cancelled: `${whose} with ${input.teacherName} ${schedule}, which were to start ${localDateWords(input.firstDate)}, are cancelled.`,
    closed: `${whose} with ${input.teacherName} ${schedule} do not take place on ${(input.closed?.dates ?? []).map(localDateWords).join(", ")}: the studio is closed (${input.closed?.reason ?? "closure"}). The others go ahead.`,
  }[input.kind];
  const calendarWords = {
    booked: "They are attached as one calendar invitation: your calendar app adds them all, and updates them if a lesson moves or is cancelled.",
    changed: "The new times are attached as a calendar invitation; your calendar app adds them.",
    ended: "The attached calendar update removes the later lessons from your calendar app.",
    cancelled: "The attached calendar update removes them from your calendar app.",
    closed: "The attached calendar update removes those dates from your calendar app.",
  }[input.kind];
  const email = renderActionEmail({
    subject: `${SUBJECTS[input.kind]}: ${schedule}`,
    greeting: `Hi ${input.greetingName},`,
    paragraphs: [
      headline,
      ...(input.continued ? ["They go on at a new day or time: the next email brings the new times."] : []),
      ...(input.where && input.kind !== "cancelled" ? [`Where: ${input.where}`] : []),
      ...(input.calendar ? [calendarWords] : []),
      `Can't make one of them? Each lesson's reminder email has its own links, or contact ${input.studioName}.`,
    ],
    action: { label: `Contact ${input.studioName}`, url: input.studioUrl },
    footer: `You receive this because you are a student or the guardian of a student at ${input.studioName}.`,
    ...(input.calendar && input.stopInvites ? { unsubscribe: input.stopInvites } : {}),
  });
  return input.calendar ? { ...email, calendar: input.calendar } : email;
}
