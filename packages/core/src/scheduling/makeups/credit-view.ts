import type { LocalDate } from "../../kernel/time/wall-clock";
import type { MakeupCredit } from "./credit-schema";

export type { MakeupCredit };

import type { MakeupCreditRecord } from "./makeup-credit.entity";
export type { MakeupCreditRecord } from "./makeup-credit.entity";
export type CreditStatus = MakeupCreditRecord["status"];

/**
 * A credit's status as of a local date: an available credit past its expiry date reads as expired
 * at once, before the expiry job has stored it.
 */
export const effectiveStatus = (credit: Pick<MakeupCreditRecord, "status" | "expiresOn">, today: LocalDate): CreditStatus =>
  credit.status === "available" && credit.expiresOn < today ? "expired" : credit.status;

/** A make-up credit as the API shows it. */
export function toMakeupCredit(record: MakeupCreditRecord, today: LocalDate): MakeupCredit {
  return {
    id: record.creditId,
    studioId: record.studioId,
    studentId: record.studentId,
    status: effectiveStatus(record, today),
    sourceLessonId: record.sourceLessonId,
    cancelledBy: record.cancelledBy,
    reason: record.reason,
    term: record.term,
    teacherId: record.teacherId,
    durationMinutes: record.durationMinutes,
    issuedAt: record.issuedAt,
    expiresOn: record.expiresOn,
    usedLessonId: record.usedLessonId ?? null,
    usedAt: record.usedAt ?? null,
    expiredAt: record.expiredAt ?? null,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}
