import { proRata } from "../money";
import { localParts, type LocalDate } from "../../kernel/time/wall-clock";
import type { FeePlanKind } from "./fee-plan.entity";

/** What the rate rule needs of a fee plan. */
export interface RatePlan {
  feePlanId: string;
  name: string;
  kind: FeePlanKind;
  amountMinor: number;
  termStart?: string;
  termEnd?: string;
}

/** What the rate rule needs of an enrolment (a student on a plan, local dates inclusive). */
export interface RateEnrolment {
  studentId: string;
  feePlanId: string;
  startDate: string;
  endDate?: string;
}

export interface RateInput {
  /** The student's enrolments (others' are ignored). */
  enrolments: readonly RateEnrolment[];
  /** The plans those enrolments refer to, by id or as a list. */
  plans: ReadonlyMap<string, RatePlan> | readonly RatePlan[];
  /** The lesson's teacher (its substitute, when one took it). */
  teacher?: { hourlyRateMinor?: number } | null;
  settings: { defaultHourlyRateMinor?: number };
  lesson: { scheduledStart: string; scheduledEnd: string };
  studentId: string;
  /** The studio's time zone: plans cover local dates. */
  timeZone: string;
}

export type LessonRate =
  | {
      kind: "per_lesson";
      unitPriceMinor: number;
      /** Where the price comes from: "Fee plan “Weekly piano”", "Teacher's hourly rate, 30 min". */
      description: string;
      source: "plan" | "teacher" | "studio";
      /** The per-lesson plan, when it set the price. */
      feePlanId?: string;
    }
  | { kind: "covered"; by: RatePlan }
  | { kind: "no_rate" };

/** The lesson's booked length in whole minutes. */
export const lessonMinutes = (lesson: { scheduledStart: string; scheduledEnd: string }) =>
  Math.round((Date.parse(lesson.scheduledEnd) - Date.parse(lesson.scheduledStart)) / 60_000);

/** The dates a plan applies to one enrolment (`to` undefined: open-ended): the enrolment's, cut to the term's for a term package. */
export function coveredSpan(plan: RatePlan, enrolment: RateEnrolment): { from: LocalDate; to: LocalDate | undefined } {
  let from = enrolment.startDate;
  let to = enrolment.endDate;
  if (plan.kind === "term") {
    if (plan.termStart && plan.termStart > from) from = plan.termStart;
    if (plan.termEnd && (!to || plan.termEnd < to)) to = plan.termEnd;
  }
  return { from, to };
}

const covers = (plan: RatePlan, enrolment: RateEnrolment, date: LocalDate) => {
  const { from, to } = coveredSpan(plan, enrolment);
  return from <= date && (!to || date <= to);
};

/**
 * What one student pays for one lesson, in this order:
 * 1. a monthly or term plan the student is enrolled in on the lesson's local date (studio time
 *    zone; a term plan only within its term) → `covered`: the plan's own charge pays for it;
 * 2. a per-lesson plan enrolled on that date → its amount per lesson (the student's own rate);
 * 3. the teacher's hourly rate, pro rata of the lesson's booked minutes (rounded half up);
 * 4. the studio's default hourly rate, pro rata;
 * 5. otherwise `no_rate` (the billing run reports the lesson as skipped).
 */
export function rateForLesson(input: RateInput): LessonRate {
  const { lesson, studentId, settings, teacher } = input;
  const date = localParts(lesson.scheduledStart, input.timeZone).date;
  const plans = input.plans instanceof Map ? input.plans : new Map((input.plans as readonly RatePlan[]).map((p) => [p.feePlanId, p]));
  const active = input.enrolments
    .filter((e) => e.studentId === studentId)
    .map((e) => ({ enrolment: e, plan: plans.get(e.feePlanId) }))
    .filter((x): x is { enrolment: RateEnrolment; plan: RatePlan } => Boolean(x.plan) && covers(x.plan!, x.enrolment, date));

  const covering = active.find((x) => x.plan.kind === "term") ?? active.find((x) => x.plan.kind === "monthly");
  if (covering) return { kind: "covered", by: covering.plan };

  const perLesson = active.find((x) => x.plan.kind === "per_lesson");
  if (perLesson) {
    return {
      kind: "per_lesson",
      unitPriceMinor: perLesson.plan.amountMinor,
      description: `Fee plan “${perLesson.plan.name}”`,
      source: "plan",
      feePlanId: perLesson.plan.feePlanId,
    };
  }

  const minutes = lessonMinutes(lesson);
  if (teacher?.hourlyRateMinor !== undefined && teacher.hourlyRateMinor !== null) {
    return {
      kind: "per_lesson",
      unitPriceMinor: proRata(teacher.hourlyRateMinor, minutes),
      description: `Teacher's hourly rate, ${minutes} min`,
      source: "teacher",
    };
  }
  if (settings.defaultHourlyRateMinor !== undefined && settings.defaultHourlyRateMinor !== null) {
    return {
      kind: "per_lesson",
      unitPriceMinor: proRata(settings.defaultHourlyRateMinor, minutes),
      description: `Studio's hourly rate, ${minutes} min`,
      source: "studio",
    };
  }
  return { kind: "no_rate" };
}
