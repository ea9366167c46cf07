import { recordAudit } from "../../audit";
import { commitWrites, failsWith } from "../../kernel/db/commit-writes";
import { AppError, conflict } from "../../kernel/errors";
import { assertMay, type Actor } from "../../policy";
import { scheduleDb } from "../schedule-db";
import { loadTeacherHours } from "./availability-access";
import { toAvailability, weeklyHoursOf, type Availability, type AvailabilityRecord } from "./availability-view";
import type { SetAvailabilityInput } from "./schemas";
import { sortedHours } from "./weekly-hours";

/**
 * Replaces a teacher's working week (admins, and the teacher themself; another teacher 403).
 * The teacher must be listed (404 otherwise), and stay listed: the transaction checks it, writes
 * the hours on condition nobody changed them since they were read (409), and records the audit event.
 */
export async function setAvailability(actor: Actor, studioId: string, teacherId: string, input: SetAvailabilityInput): Promise<Availability> {
  const { member, studio, teacher, hours: current } = await loadTeacherHours(actor, studioId, teacherId);
  assertMay(member, "availability.set", { teacherId });

  const weeklyHours = sortedHours(input.weeklyHours.map(({ weekday, start, end }) => ({ weekday, start, end })));
  const now = new Date().toISOString();
  const next = { studioId, teacherId, weeklyHours, updatedBy: actor.userId, createdAt: current?.createdAt ?? now, updatedAt: now };

  let written: AvailabilityRecord = next;
  await commitWrites(scheduleDb, (tx) => {
    const put = tx.availability
      .put(next)
      .where((a, op) => (current ? op.eq(a.updatedAt, current.updatedAt) : op.notExists(a.updatedAt)))
      .commit();
    // The entity stamps its own updatedAt; answer with the item exactly as written.
    written = { ...next, updatedAt: (put as unknown as { Put: { Item: { updatedAt: string } } }).Put.Item.updatedAt };
    return [
      failsWith(
        tx.teacher
          .check({ studioId, teacherId })
          .where((a, op) => op.eq(a.listing, "listed"))
          .commit(),
        () => new AppError("not_found", "Teacher not found"),
      ),
      failsWith(put, () => conflict("availability.changed", "The working hours changed meanwhile; reload and try again")),
      recordAudit(tx, {
        studioId,
        actorId: actor.userId,
        action: "availability.updated",
        entityType: "availability",
        entityId: teacherId,
        before: { weeklyHours: weeklyHoursOf(current) },
        after: { weeklyHours },
      }),
    ];
  });
  return toAvailability(teacher, written, studio.timeZone);
}
