import type { Actor } from "../../policy";
import { loadTeacherHours } from "./availability-access";
import { toAvailability, type Availability } from "./availability-view";

/** One teacher's working week (every member; a missing or deleted teacher is a 404), in one read. */
export async function getAvailability(actor: Actor, studioId: string, teacherId: string): Promise<Availability> {
  const { studio, teacher, hours } = await loadTeacherHours(actor, studioId, teacherId);
  return toAvailability(teacher, hours, studio.timeZone);
}
