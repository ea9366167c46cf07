import type { Actor } from "@studiosync/core";
import * as Classes from "@studiosync/core/classes";
import { todayIn } from "@studiosync/core/people";
import { addDays } from "@studiosync/core/kernel";
import type { DemoPeople } from "./seed-demo-schedule";

/**
 * The demo studio's group classes: "Junior Guitar Group" (ages 7–11, a 10-class and a 5-class plan)
 * every Thursday at 17:30 with Tom in Studio B for a ten-week term, with Anika and Sam admitted
 * (the occupancy grid, the roster, classes left) and four seats left.
 */
export async function seedDemoClasses(owner: Actor, studioId: string, timeZone: string, people: DemoPeople) {
  const course = await Classes.createCourse(
    owner,
    studioId,
    Classes.createCourseSchema.parse({
      name: "Junior Guitar Group",
      instrument: "Guitar",
      kind: "group",
      minAge: 7,
      maxAge: 11,
      description: "First chords, strumming and simple songs, played together.",
      plans: [
        { name: "10 classes", classCount: 10, priceMinor: 15000, validityDays: 90 },
        { name: "5 classes", classCount: 5, priceMinor: 8000, validityDays: 45 },
      ],
    }),
  );
  const termStart = addDays(todayIn(timeZone), 1);
  const slot = await Classes.createClassSlot(
    owner,
    studioId,
    Classes.createClassSlotSchema.parse({
      courseId: course.id,
      teacherId: people.tom,
      roomName: "Studio B",
      weekday: 4,
      startTime: "17:30",
      durationMinutes: 60,
      termStart,
      termEnd: addDays(termStart, 69),
      capacity: 6,
    }),
  );
  for (const studentId of [people.anika, people.sam]) {
    await Classes.admit(owner, studioId, Classes.admitSchema.parse({ slotId: slot.id, studentId, planId: course.plans[0]!.id }));
  }
}
