import { v7 as uuidv7 } from "uuid";
import { durationMinutes, type LessonRecord } from "../lessons/lesson-view";
import { scheduleDb } from "../schedule-db";
import type { SchedulingSettings } from "../settings/defaults";
import { addDays, zonedInstant } from "../../kernel/time/wall-clock";
import type { Term } from "./credit-term";
import type { MakeupCreditRecord } from "./credit-view";

/**
 * Credits the student's own cancellations earned in a term (any status: issued is issued). One
 * query of `creditsByStudent` from the term's first local midnight; studio cancellations do not count.
 */
export async function studentCreditsInTerm(studioId: string, studentId: string, term: Term, timeZone: string): Promise<number> {
  const { data } = await scheduleDb()
    .entities.makeupCredit.query.creditsByStudent({ studioId, studentId })
    .gte({ issuedAt: zonedInstant(term.startDate, "00:00", timeZone).toISOString() })
    .where((a, op) => `${op.eq(a.term, term.name)} AND ${op.eq(a.cancelledBy, "student")}`)
    .go({ pages: "all", attributes: ["creditId"] });
  return data.length;
}

export interface NewCredit {
  studioId: string;
  studentId: string;
  lesson: LessonRecord;
  cancelledBy: "student" | "studio";
  reason: string;
  term: Term;
  /** For a student's cancellation under a per-term maximum: the credits they already earned this term. */
  issuedThisTerm?: number;
  settings: SchedulingSettings;
  /** The issue day on the studio's wall clock. */
  today: string;
  now: Date;
  actorId: string;
}

/**
 * The credit a cancellation earns. Under a per-term maximum a student's credit takes the next
 * numbered place of their term ("2026-Q4-3-<student>"), created on condition it does not exist:
 * two cancellations racing for the last place cannot both get it (the loser reruns and recounts).
 */
export function newCredit(input: NewCredit): MakeupCreditRecord {
  const numbered = input.cancelledBy === "student" && input.settings.maxCreditsPerTerm !== undefined && input.issuedThisTerm !== undefined;
  const now = input.now.toISOString();
  return {
    studioId: input.studioId,
    creditId: numbered ? `${input.term.name}-${input.issuedThisTerm! + 1}-${input.studentId}` : uuidv7(),
    studentId: input.studentId,
    status: "available",
    sourceLessonId: input.lesson.lessonId,
    cancelledBy: input.cancelledBy,
    reason: input.reason,
    term: input.term.name,
    teacherId: input.lesson.teacherId,
    durationMinutes: durationMinutes(input.lesson),
    issuedAt: now,
    expiresOn: addDays(input.today, input.settings.creditExpiryDays),
    createdBy: input.actorId,
    updatedBy: input.actorId,
    createdAt: now,
    updatedAt: now,
  };
}
