import { AccessRequests, Planning, Scheduling, type Actor } from "@studiosync/core";
import { todayIn } from "@studiosync/core/people";
import { addDays, weekdayOf, zonedInstant } from "@studiosync/core/kernel";
import { demoSlots, type DemoPeople } from "./seed-demo-schedule";

/**
 * What waits for the owner on the first visit: a staff training day in three weeks (its lesson
 * cancelled, the family told), Priya asking to move Anika's next lesson to the day after, and
 * someone from the public page asking to join.
 */
export async function seedDemoRequests(actors: { owner: Actor; parent: Actor }, studioId: string, slug: string, timeZone: string, people: DemoPeople) {
  const today = todayIn(timeZone);
  const slots = demoSlots(people);

  // The first Wednesday (Sam's lesson day) at least 15 days ahead.
  const closureDay = addDays(today, 15 + ((slots.sam.dayOfWeek - weekdayOf(addDays(today, 15)) + 7) % 7));
  const closure = Planning.createClosure(
    actors.owner,
    studioId,
    Planning.createClosureSchema.parse({ startDate: closureDay, endDate: closureDay, reason: "Staff training day" }),
  );

  const rescheduleRequest = askToMoveNextLesson(actors.parent, studioId, timeZone, people.anika);
  const accessRequest = AccessRequests.requestAccess(
    slug,
    AccessRequests.createAccessRequestSchema.parse({
      firstName: "Oliver",
      lastName: "Grant",
      email: "oliver.grant@harmony-house.test",
      role: "parent",
      message: "My daughter (9) would love to start violin lessons — do you have a Saturday slot?",
    }),
  );
  await Promise.all([closure, rescheduleRequest, accessRequest]);
}

/** The parent asks to move the student's next lesson (within two weeks) to the next day at 17:00. */
async function askToMoveNextLesson(parent: Actor, studioId: string, timeZone: string, studentId: string) {
  const today = todayIn(timeZone);
  const from = new Date();
  const { items } = await Scheduling.listLessons(
    parent,
    studioId,
    Scheduling.lessonCalendarQuerySchema.parse({ studentId, from: from.toISOString(), to: zonedInstant(addDays(today, 15), "00:00", timeZone).toISOString() }),
  );
  const next = items.find((lesson) => lesson.status === "scheduled");
  if (next) {
    const nextDay = addDays(next.local.date, 1);
    await Scheduling.createRescheduleRequest(
      parent,
      studioId,
      Scheduling.createRescheduleRequestSchema.parse({
        lessonId: next.id,
        proposedStart: zonedInstant(nextDay, "17:00", timeZone).toISOString(),
        message: "Anika has a school concert rehearsal that afternoon — could we move to the next day at 5pm?",
      }),
    );
  }
}
