import type { LessonRecord } from "../../scheduling/module";
import { addDays, addMonths, localParts, type LocalDate } from "../../kernel/time/wall-clock";
import type { AccountKind } from "../accounts/billing-account.entity";
import { lessonMinutes, rateForLesson, type RateEnrolment, type RatePlan } from "../fee-plans/lesson-rate";
import { billedKeys } from "./billed-item.entity";

type LineKind = "lesson" | "late_cancellation" | "monthly_plan" | "term_package" | "charge";

export interface BillingPeriod {
  /** Local dates (studio time zone), inclusive. */
  periodStart: LocalDate;
  periodEnd: LocalDate;
}

/** What the run needs of a student. */
export interface BillableStudent {
  studentId: string;
  firstName: string;
  lastName: string;
  instrument?: string;
  /** Set only when the family still exists: the family is billed, else the student. */
  familyId?: string;
}

export interface BillableTeacher {
  teacherId: string;
  firstName: string;
  lastName: string;
  hourlyRateMinor?: number;
}

/** One thing to bill: a line of an account's draft, and the marker that keeps it from being billed twice. */
export interface BillableItem {
  billedKey: string;
  account: { kind: AccountKind; partyId: string };
  line: {
    kind: LineKind;
    description: string;
    quantity: number;
    unitPriceMinor: number;
    studentId: string;
    lessonId?: string;
    feePlanId?: string;
  };
  /** Orders the lines of an invoice: per student, plans first, then lessons by start. */
  sortKey: string;
}

export interface SkippedItem {
  lessonId?: string;
  studentId?: string;
  reason: string;
}

/** A pending one-off charge (charges/billing-charge.entity.ts): billed to its account, once. */
export interface BillableCharge {
  chargeId: string;
  account: { kind: AccountKind; partyId: string };
  studentId: string;
  description: string;
  /** Signed: negative is a credit. */
  amountMinor: number;
  chargeDate: LocalDate;
}

export interface BillingFacts {
  period: BillingPeriod;
  timeZone: string;
  lessons: readonly LessonRecord[];
  students: ReadonlyMap<string, BillableStudent>;
  teachers: ReadonlyMap<string, BillableTeacher>;
  /** Every enrolment of the studio's students (the rule picks each student's own). */
  enrolments: readonly RateEnrolment[];
  /** The studio's fee plans by id: enrolments in other plans are ignored. */
  plans: ReadonlyMap<string, RatePlan & { lessonCount?: number }>;
  settings: { defaultHourlyRateMinor?: number };
  /** Pending one-off charges dated up to the period's end (deposits, rental fees…). */
  charges?: readonly BillableCharge[];
  /** Families that still exist (a charge to a family that is gone goes to the student's own account). */
  familyNames?: ReadonlyMap<string, string>;
}

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const FULL_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

const dayMonth = (date: LocalDate) => `${Number(date.slice(8, 10))} ${MONTHS[Number(date.slice(5, 7)) - 1]}`;
const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** "Piano lesson with Clara Weiss — Tue 3 Dec 16:00 (30 min)", in the studio's time zone. */
export function lessonDescription(lesson: LessonRecord, student: BillableStudent, teacher: BillableTeacher | undefined, timeZone: string): string {
  const local = localParts(lesson.scheduledStart, timeZone);
  const what = lesson.title?.trim() || (student.instrument?.trim() ? `${capitalised(student.instrument.trim())} lesson` : "Lesson");
  const who = teacher ? ` with ${teacher.firstName} ${teacher.lastName}` : "";
  return `${what}${who} — ${WEEKDAYS[local.weekday - 1]} ${dayMonth(local.date)} ${local.time} (${lessonMinutes(lesson)} min)`;
}

/** Months "YYYY-MM" the period touches, in order. */
export function monthsOf(period: BillingPeriod): string[] {
  const months: string[] = [];
  for (let first = `${period.periodStart.slice(0, 7)}-01`; first <= period.periodEnd; first = addMonths(first, 1)) months.push(first.slice(0, 7));
  return months;
}

/** The overlap of local-date spans (an open end runs on), or null when they do not meet. */
function overlap(...spans: { from: LocalDate; to?: LocalDate }[]): { from: LocalDate; to: LocalDate } | null {
  const from = spans.map((s) => s.from).reduce((a, b) => (a > b ? a : b));
  const ends = spans.flatMap((s) => (s.to ? [s.to] : []));
  const to = ends.reduce((a, b) => (a < b ? a : b));
  return from <= to ? { from, to } : null;
}

/** Whom a student's charges go to: their family's account when they have one, else their own. */
export const accountOf = (student: BillableStudent): BillableItem["account"] =>
  student.familyId ? { kind: "family", partyId: student.familyId } : { kind: "student", partyId: student.studentId };

/**
 * What a billing run bills for a period, and what it leaves out and why (pure: the rules, no I/O).
 *
 * Per student of each lesson starting in the period (local dates):
 * - scheduled, in progress, completed or no-show → a `lesson` line at the rate `rateForLesson`
 *   gives (a make-up lesson too: the lesson it replaced was not billed);
 * - cancelled by the student without a make-up credit (late notice) → a `late_cancellation` line
 *   at the same rate;
 * - cancelled with a make-up credit → skipped ("cancelled: make-up credit issued"); cancelled by
 *   the studio without one → skipped ("cancelled by the studio");
 * - covered by a monthly or term plan → skipped (the plan's own line pays for it); no rate → skipped.
 *
 * Per enrolment in a plan (archived plans too: their enrolments still apply):
 * - monthly: one `monthly_plan` line per calendar month the period touches in which the enrolment
 *   is active within the period (the whole month's amount);
 * - term: one `term_package` line when the period meets the term while the student is enrolled
 *   (normally the run whose period holds the term's start).
 *
 * Per pending one-off charge (a loan's deposit or fee, a credit for a deposit given back): a `charge`
 * line on its account (the student's own when the family is gone), at its amount.
 *
 * Each item has its billed key; the caller drops keys already billed, so overlapping periods and
 * repeated runs never bill anything twice.
 */
export function billableItems(facts: BillingFacts): { items: BillableItem[]; skipped: SkippedItem[] } {
  const { period, timeZone, students, teachers, plans, settings } = facts;
  const items: BillableItem[] = [];
  const skipped: SkippedItem[] = [];
  const named = (student: BillableStudent, text: string) => (student.familyId ? `${student.firstName}: ${text}` : text);

  for (const lesson of facts.lessons) {
    for (const studentId of new Set(lesson.studentIds)) {
      const student = students.get(studentId);
      if (!student) {
        skipped.push({ lessonId: lesson.lessonId, studentId, reason: "student not found" });
        continue;
      }
      let kind: LineKind = "lesson";
      if (lesson.status === "cancelled") {
        const cancellation = lesson.cancellation;
        if (cancellation?.outcome === "credit_issued") {
          skipped.push({ lessonId: lesson.lessonId, studentId, reason: "cancelled: make-up credit issued" });
          continue;
        }
        if (cancellation?.by !== "student") {
          skipped.push({ lessonId: lesson.lessonId, studentId, reason: "cancelled by the studio" });
          continue;
        }
        kind = "late_cancellation";
      }
      const teacher = teachers.get(lesson.teacherId);
      const rate = rateForLesson({ enrolments: facts.enrolments, plans, teacher, settings, lesson, studentId, timeZone });
      if (rate.kind === "covered") {
        skipped.push({
          lessonId: lesson.lessonId,
          studentId,
          reason: `covered by the ${rate.by.kind === "term" ? "term package" : "monthly plan"} “${rate.by.name}”`,
        });
        continue;
      }
      if (rate.kind === "no_rate") {
        skipped.push({ lessonId: lesson.lessonId, studentId, reason: "no rate: set the teacher's hourly rate, a fee plan or the studio's default rate" });
        continue;
      }
      const text = lessonDescription(lesson, student, teacher, timeZone);
      items.push({
        billedKey: billedKeys.lesson(lesson.lessonId, studentId),
        account: accountOf(student),
        line: {
          kind,
          description: named(student, kind === "late_cancellation" ? `Late cancellation: ${text}` : text),
          quantity: 1,
          unitPriceMinor: rate.unitPriceMinor,
          studentId,
          lessonId: lesson.lessonId,
          ...(rate.feePlanId ? { feePlanId: rate.feePlanId } : {}),
        },
        sortKey: `${student.lastName}\u0000${student.firstName}\u0000${studentId}\u00001${lesson.scheduledStart}\u0000${lesson.lessonId}`,
      });
    }
  }

  const periodSpan = { from: period.periodStart, to: period.periodEnd };
  for (const enrolment of facts.enrolments) {
    const plan = plans.get(enrolment.feePlanId);
    const student = students.get(enrolment.studentId);
    if (!plan || !student || plan.kind === "per_lesson") continue;
    const enrolled = { from: enrolment.startDate, ...(enrolment.endDate ? { to: enrolment.endDate } : {}) };
    const planItem = (billedKey: string, kind: LineKind, description: string, order: string): BillableItem => ({
      billedKey,
      account: accountOf(student),
      line: {
        kind,
        description: named(student, description),
        quantity: 1,
        unitPriceMinor: plan.amountMinor,
        studentId: student.studentId,
        feePlanId: plan.feePlanId,
      },
      sortKey: `${student.lastName}\u0000${student.firstName}\u0000${student.studentId}\u00000${order}\u0000${plan.feePlanId}`,
    });
    if (plan.kind === "monthly") {
      for (const month of monthsOf(period)) {
        const first = `${month}-01`;
        if (!overlap(periodSpan, enrolled, { from: first, to: addDays(addMonths(first, 1), -1) })) continue;
        const name = `${FULL_MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
        items.push(planItem(billedKeys.monthly(plan.feePlanId, student.studentId, month), "monthly_plan", `${plan.name} — ${name}`, first));
      }
    } else if (plan.termStart && plan.termEnd) {
      if (!overlap(periodSpan, enrolled, { from: plan.termStart, to: plan.termEnd })) continue;
      const lessons = plan.lessonCount ? `, ${plan.lessonCount} lessons` : "";
      const term = `${dayMonth(plan.termStart)} ${plan.termStart.slice(0, 4)} – ${dayMonth(plan.termEnd)} ${plan.termEnd.slice(0, 4)}`;
      items.push(planItem(billedKeys.term(plan.feePlanId, student.studentId), "term_package", `${plan.name} — term ${term}${lessons}`, plan.termStart));
    }
  }
  for (const charge of facts.charges ?? []) {
    const student = students.get(charge.studentId);
    if (!student) {
      skipped.push({ studentId: charge.studentId, reason: "charge: student not found" });
      continue;
    }
    const familyGone = charge.account.kind === "family" && facts.familyNames !== undefined && !facts.familyNames.has(charge.account.partyId);
    const account: BillableItem["account"] = familyGone ? { kind: "student", partyId: student.studentId } : charge.account;
    items.push({
      billedKey: billedKeys.charge(charge.chargeId),
      account,
      line: {
        kind: "charge",
        description: account.kind === "family" ? `${student.firstName}: ${charge.description}` : charge.description,
        quantity: 1,
        unitPriceMinor: charge.amountMinor,
        studentId: student.studentId,
      },
      sortKey: `${student.lastName}\u0000${student.firstName}\u0000${student.studentId}\u00002${charge.chargeDate}\u0000${charge.chargeId}`,
    });
  }
  items.sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
  return { items, skipped };
}
