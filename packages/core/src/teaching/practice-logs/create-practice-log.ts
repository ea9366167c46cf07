import { v7 as uuidv7 } from "uuid";
import { recordAudit } from "../../audit";
import { commitWrites } from "../../kernel/db/commit-writes";
import { invalidField } from "../../kernel/errors";
import { assertMay, type Actor } from "../../policy";
import { todayIn } from "../../people";
import { teachingDb } from "../teaching-db";
import { loadStudentSubject } from "../student-subject";
import { toPracticeLog, type PracticeLogRecord } from "./practice-log-view";
import type { CreatePracticeLogInput } from "./schemas";

/**
 * Records practice (the student, their parents, admins); the student's teacher sees it but does not
 * write it (403). `practisedOn` is a local date in the studio's time zone and may not be after today there.
 */
export async function createPracticeLog(actor: Actor, studioId: string, input: CreatePracticeLogInput) {
  const { member, studio, student } = await loadStudentSubject(actor, studioId, input.studentId);
  assertMay(member, "practice-log.write", student.facts);
  const today = todayIn(studio.timeZone);
  if (input.practisedOn > today) throw invalidField("practisedOn", `must not be after today (${today} in ${studio.timeZone})`);

  const now = new Date().toISOString();
  const record = {
    studioId,
    logId: uuidv7(),
    studentId: input.studentId,
    practisedOn: input.practisedOn,
    minutes: input.minutes,
    ...(input.pieces && input.pieces.length > 0 ? { pieces: input.pieces } : {}),
    ...(input.notes ? { notes: input.notes } : {}),
    recordedBy: actor.userId,
    listing: "listed" as const,
    createdAt: now,
    updatedAt: now,
  } satisfies PracticeLogRecord;

  await commitWrites(teachingDb, (tx) => [
    tx.practiceLog.create(record).commit(),
    recordAudit(tx, { studioId, actorId: actor.userId, action: "practiceLog.created", entityType: "practiceLog", entityId: record.logId, after: record }),
  ]);
  return toPracticeLog(record);
}
