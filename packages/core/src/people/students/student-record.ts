import { v7 as uuidv7 } from "uuid";
import { newListedFields } from "../person-fields";
import { todayIn } from "../profile-fields";
import { withoutEmpty } from "../record-changes";
import type { CreateStudentInput } from "./schemas";
import type { StudentRecord } from "./student-view";

/**
 * A new student's stored record: what enrolling a student writes, and what converting a lead
 * writes in its own transaction. `enrollmentDate` defaults to today in the studio's time zone.
 */
export function newStudentRecord(studioId: string, input: CreateStudentInput, timeZone: string, actorId: string, now: string, studentId: string = uuidv7()) {
  const fields = withoutEmpty(input);
  return {
    isActive: true,
    enrollmentDate: todayIn(timeZone),
    ...fields,
    firstName: input.firstName,
    lastName: input.lastName,
    primaryTeacherId: fields.primaryTeacherId ?? "none",
    studioId,
    studentId,
    ...newListedFields(actorId, `${input.firstName} ${input.lastName}`, fields.email, now),
  } satisfies StudentRecord;
}
