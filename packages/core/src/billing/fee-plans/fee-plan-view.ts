import type { FeePlan, FeePlanEnrolment } from "./fee-plan-schema";

import type { FeePlanEnrolmentRecord, FeePlanRecord } from "./fee-plan.entity";
export type { FeePlanRecord } from "./fee-plan.entity";
export type { FeePlanEnrolmentRecord } from "./fee-plan.entity";
export type { FeePlan, FeePlanEnrolment };

/** A fee plan as the API shows it (money in the studio currency's minor units). */
export function toFeePlan(record: FeePlanRecord, currency: string): FeePlan {
  return {
    id: record.feePlanId,
    studioId: record.studioId,
    name: record.name,
    kind: record.kind,
    amountMinor: record.amountMinor,
    currency,
    description: record.description ?? null,
    termStart: record.termStart ?? null,
    termEnd: record.termEnd ?? null,
    lessonCount: record.lessonCount ?? null,
    isActive: record.isActive !== false,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}

/** A student's enrolment in a plan (local dates, inclusive; `endDate` null = open-ended). */
export function toEnrolment(record: FeePlanEnrolmentRecord): FeePlanEnrolment {
  return {
    feePlanId: record.feePlanId,
    studentId: record.studentId,
    startDate: record.startDate,
    endDate: record.endDate ?? null,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}
