import { People, Planning, Scheduling, type Actor } from "@studiosync/core";
import { todayIn } from "@studiosync/core/people";

/**
 * The demo studio's people and week: two teachers with working hours, a family with two children
 * and a guardian, an adult student, and their weekly lessons as recurring patterns from today
 * (materialised 12 weeks ahead), so calendars, iCal feeds and reminders have something to show in
 * `npm start`. The weeks before today are seed-demo-history.ts.
 */
export interface DemoPeople {
  clara: string;
  tom: string;
  family: string;
  priya: string;
  anika: string;
  dev: string;
  sam: string;
}

/** A weekly lesson of the demo studio: who, when (ISO weekday, local time) and where. */
export interface DemoSlot {
  teacherId: string;
  studentId: string;
  dayOfWeek: number;
  startTime: string;
  roomName: string;
}

export const LESSON_MINUTES = 45;

/** The weekly lessons, in the order the history and requests refer to them. */
export const demoSlots = (p: DemoPeople): Record<"anika" | "dev" | "sam", DemoSlot> => ({
  anika: { teacherId: p.clara, studentId: p.anika, dayOfWeek: 1, startTime: "16:00", roomName: "Piano Room" },
  dev: { teacherId: p.tom, studentId: p.dev, dayOfWeek: 2, startTime: "17:00", roomName: "Studio B" },
  sam: { teacherId: p.clara, studentId: p.sam, dayOfWeek: 3, startTime: "18:30", roomName: "Piano Room" },
});

export async function seedDemoSchedule(owner: Actor, studioId: string, timeZone: string): Promise<DemoPeople> {
  const teacher = (firstName: string, lastName: string, email: string, specialties: string[], hourlyRateMinor: number) =>
    People.createTeacher(
      owner,
      studioId,
      People.createTeacherSchema.parse({ firstName, lastName, email, specialties, hourlyRateMinor, bookingBufferMinutes: 10, isPublic: true }),
    );
  const student = (firstName: string, lastName: string, primaryTeacherId: string, extra: Record<string, unknown>) =>
    People.createStudent(owner, studioId, People.createStudentSchema.parse({ firstName, lastName, primaryTeacherId, ...extra }));
  const hours = (teacherId: string, weekdays: number[], start: string, end: string) =>
    Scheduling.setAvailability(
      owner,
      studioId,
      teacherId,
      Scheduling.setAvailabilitySchema.parse({ weeklyHours: weekdays.map((weekday) => ({ weekday, start, end })) }),
    );
  // Independent records in parallel (seeding stays a few seconds); a family's members one by one.
  const [piano, guitar, family] = await Promise.all([
    teacher("Clara", "Weiss", "clara@harmony-house.test", ["piano"], 6_000),
    teacher("Tom", "Okafor", "tom@harmony-house.test", ["guitar", "voice"], 5_000),
    People.createFamily(owner, studioId, People.createFamilySchema.parse({ name: "The Patels" })),
  ]);
  const patels = async () => {
    const priya = await People.addGuardian(
      owner,
      studioId,
      family.id,
      People.createGuardianSchema.parse({ firstName: "Priya", lastName: "Patel", email: "priya.patel@harmony-house.test", relationship: "mother" }),
    );
    const anika = await student("Anika", "Patel", piano.id, { familyId: family.id, instrument: "piano" });
    const dev = await student("Dev", "Patel", guitar.id, { familyId: family.id, instrument: "guitar" });
    return { priya, anika, dev };
  };
  const [{ priya, anika, dev }, sam] = await Promise.all([
    patels(),
    student("Sam", "Rivers", piano.id, { email: "sam.rivers@harmony-house.test", instrument: "piano" }),
    hours(piano.id, [1, 3, 4], "14:00", "20:00"),
    hours(guitar.id, [2, 4, 6], "15:00", "21:00"),
  ]);

  const people = { clara: piano.id, tom: guitar.id, family: family.id, priya: priya.id, anika: anika.id, dev: dev.id, sam: sam.id };
  const startDate = todayIn(timeZone);
  await Promise.all(
    Object.values(demoSlots(people)).map((slot) =>
      Planning.createPattern(owner, studioId, Planning.createPatternSchema.parse({ ...slot, frequency: "weekly", startDate, durationMinutes: LESSON_MINUTES })),
    ),
  );
  return people;
}
