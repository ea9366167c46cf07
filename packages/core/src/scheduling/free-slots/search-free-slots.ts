import { studentFacts, type StudentRecord } from "../../people";
import type { TeacherRecord } from "../../people/module";
import { may, type Actor, loadMemberWith } from "../../policy";
import { teacherAndHoursKeys } from "../availability/availability-access";
import type { AvailabilityRecord } from "../availability/availability-view";
import { studentKeys } from "./find-free-slots";
import { type FreeSlots, freeSlotsOf } from "./free-slots-of";
import type { FreeSlotQuery } from "./schemas";

/**
 * Free-slot search for a member (every member may search any listed teacher). Naming a student
 * reveals when they are busy, so the student must be one the member may see (admins any, their
 * teacher, themselves, their parents); otherwise the answer is the same 422 as for a student who
 * does not exist.
 */
export async function searchFreeSlots(actor: Actor, studioId: string, query: FreeSlotQuery): Promise<FreeSlots> {
  const { member, studio, records } = await loadMemberWith(
    actor,
    studioId,
    ...teacherAndHoursKeys(studioId, query.teacherId),
    ...studentKeys(studioId, query.studentId),
  );
  const [teacher, hours, found] = records as unknown as [TeacherRecord | null, AvailabilityRecord | null, StudentRecord | null | undefined];
  const student = found && may(member, "student.view", studentFacts(found)) ? found : null;
  return freeSlotsOf(studioId, { studio, teacher, hours, ...(query.studentId ? { student } : {}) }, query);
}
