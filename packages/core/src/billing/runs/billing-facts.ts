import { itemOf } from "../../kernel/db/read-together";
import { addDays, zonedInstant } from "../../kernel/time/wall-clock";
import { billingDb } from "../billing-db";
import type { RateEnrolment } from "../fee-plans/lesson-rate";
import { loadRateTables } from "../fee-plans/rate-tables";
import type { BillableCharge, BillableStudent, BillableTeacher, BillingFacts, BillingPeriod } from "./billable-items";
import { readMany } from "../../kernel/db/read-many";

export interface BillingContextFacts extends BillingFacts {
  /** Names of the families billed (for accounts created by the run). */
  familyNames: ReadonlyMap<string, string>;
}

/**
 * Everything a billing run decides from, read in bulk: the lessons starting in the period's local
 * dates (one paginated query of the studio calendar), the studio's fee plans and enrolments
 * (archived plans too: their enrolments still apply), the pending one-off charges dated up to the
 * period's end (one query of the studio's pending charges), then the students, their families and the lessons' teachers by key (BatchGetItem,
 * 100 keys a call). A student whose family is gone is billed on their own account.
 */
export async function readBillingFacts(
  studioId: string,
  period: BillingPeriod,
  timeZone: string,
  settings: BillingFacts["settings"],
): Promise<BillingContextFacts> {
  const { lesson, student, teacher, family, billingCharge } = billingDb().entities;
  const from = zonedInstant(period.periodStart, "00:00", timeZone).toISOString();
  const to = zonedInstant(addDays(period.periodEnd, 1), "00:00", timeZone).toISOString();
  const [lessonPages, tables, chargePages] = await Promise.all([
    lesson.query.studioCalendar({ studioId }).between({ scheduledStart: from }, { scheduledStart: to }).go({ pages: "all" }),
    loadRateTables(studioId),
    billingCharge.query
      .chargesByState({ studioId, listing: "pending" })
      .lt({ chargeDate: addDays(period.periodEnd, 1) })
      .go({ pages: "all" }),
  ]);
  const charges: BillableCharge[] = chargePages.data
    .filter((c) => c.chargeDate <= period.periodEnd)
    .map((c) => ({
      chargeId: c.chargeId,
      account: { kind: c.accountKind, partyId: c.accountId },
      studentId: c.studentId,
      description: c.description,
      amountMinor: c.amountMinor,
      chargeDate: c.chargeDate,
    }));
  const lessons = lessonPages.data.filter((l) => l.scheduledStart >= from && l.scheduledStart < to);
  const plans = tables.plans;
  const enrolments: RateEnrolment[] = tables.enrolments
    .filter((e) => plans.has(e.feePlanId) && e.startDate <= period.periodEnd && (!e.endDate || e.endDate >= period.periodStart))
    .map((e) => ({ studentId: e.studentId, feePlanId: e.feePlanId, startDate: e.startDate, ...(e.endDate ? { endDate: e.endDate } : {}) }));

  const studentIds = [...new Set([...lessons.flatMap((l) => l.studentIds), ...enrolments.map((e) => e.studentId), ...charges.map((c) => c.studentId)])];
  const teacherIds = [...new Set(lessons.map((l) => l.teacherId))];
  const [studentRecords, teacherRecords] = await Promise.all([
    readMany(studentIds.map((studentId) => itemOf(student, { studioId, studentId }))),
    readMany(teacherIds.map((teacherId) => itemOf(teacher, { studioId, teacherId }))),
  ]);
  const familyIds = [
    ...new Set([
      ...studentRecords.flatMap((s) => (s?.familyId ? [s.familyId] : [])),
      ...charges.flatMap((c) => (c.account.kind === "family" ? [c.account.partyId] : [])),
    ]),
  ];
  const familyRecords = await readMany(familyIds.map((familyId) => itemOf(family, { studioId, familyId })));
  const familyNames = new Map(familyRecords.flatMap((f) => (f && !f.deletedAt ? [[f.familyId, f.name] as const] : [])));

  const students = new Map<string, BillableStudent>();
  for (const s of studentRecords) {
    if (!s) continue;
    const familyId = s.familyId && familyNames.has(s.familyId) ? s.familyId : undefined;
    students.set(s.studentId, {
      studentId: s.studentId,
      firstName: s.firstName,
      lastName: s.lastName,
      ...(s.instrument ? { instrument: s.instrument } : {}),
      ...(familyId ? { familyId } : {}),
    });
  }
  const teachers = new Map<string, BillableTeacher>();
  for (const t of teacherRecords) {
    if (t)
      teachers.set(t.teacherId, {
        teacherId: t.teacherId,
        firstName: t.firstName,
        lastName: t.lastName,
        ...(t.hourlyRateMinor !== undefined ? { hourlyRateMinor: t.hourlyRateMinor } : {}),
      });
  }
  return { period, timeZone, lessons, students, teachers, enrolments, plans, settings, familyNames, charges };
}
