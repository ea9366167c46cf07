import { itemOf, readTogether } from "../../kernel/db/read-together";
import { AppError, notFound } from "../../kernel/errors";
import type { StudentRecord, TeacherRecord } from "../../people/module";
import type { StudioRecord } from "../../studios/module";
import { teacherAndHoursKeys } from "../availability/availability-access";
import type { AvailabilityRecord } from "../availability/availability-view";
import { scheduleDb } from "../schedule-db";
import { freeSlotsOf, type FreeSlots } from "./free-slots-of";
import { freeSlotQuerySchema, type FreeSlotQuery, type FreeSlotSearch } from "./schemas";

/** Checks a search given by another module (the route's zod schema checks the API's). */
export function parseFreeSlotSearch(search: FreeSlotSearch): FreeSlotQuery {
  const parsed = freeSlotQuerySchema.safeParse(search);
  if (parsed.success) return parsed.data;
  throw new AppError("validation_failed", "The request has invalid fields", {
    errors: parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join(".") || "search", message: issue.message })),
  });
}

/** The student's key when the search names one. */
export const studentKeys = (studioId: string, studentId: string | undefined) =>
  studentId ? [itemOf(scheduleDb().entities.student, { studioId, studentId })] : [];

/**
 * A teacher's free slots for other modules (make-up booking, public trial booking): no member
 * check — the caller decides who may search. The studio, teacher, hours (and student) are read in
 * one BatchGet, closures and day schedules in a second round (see freeSlotsOf).
 */
export async function findFreeSlots(studioId: string, search: FreeSlotSearch): Promise<FreeSlots> {
  const query = parseFreeSlotSearch(search);
  const [studio, teacher, hours, student] = (await readTogether(
    itemOf(scheduleDb().entities.studio, { studioId }),
    ...teacherAndHoursKeys(studioId, query.teacherId),
    ...studentKeys(studioId, query.studentId),
  )) as unknown as [StudioRecord | null, TeacherRecord | null, AvailabilityRecord | null, StudentRecord | null | undefined];
  if (!studio || studio.deletedAt) throw notFound("Studio");
  return freeSlotsOf(studioId, { studio, teacher, hours, ...(query.studentId ? { student: student ?? null } : {}) }, query);
}
