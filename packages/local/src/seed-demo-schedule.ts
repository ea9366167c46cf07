import { People, Scheduling, type Actor } from "@studiosync/core";
import { todayIn } from "@studiosync/core/people/profile-fields";

/**
 * The demo studio's people and week: two teachers, a family with two children and a guardian, an
 * adult student, and their weekly lessons as recurring patterns (materialised 12 weeks ahead), so
 * calendars, iCal feeds and reminders have something to show in `npm start`.
 */
export interface DemoPeople {
  family: string;
  anika: string;
  dev: string;
  sam: string;
}

export async function seedDemoSchedule(owner: Actor, studioId: string, timeZone: string): Promise<DemoPeople> {
  const teacher = (firstName: string, lastName: string, email: string, specialties: string[], hourlyRateMinor: number) =>
    People.createTeacher(
      owner,
      studioId,
      People.createTeacherSchema.parse({ firstName, lastName, email, specialties, hourlyRateMinor, bookingBufferMinutes: 10, isPublic: true }),
    );
  const piano = await teacher("Clara", "Weiss", "clara@harmony-house.test", ["piano"], 6_000);
  const guitar = await teacher("Tom", "Okafor", "tom@harmony-house.test", ["guitar", "voice"], 5_000);

  const family = await People.createFamily(owner, studioId, People.createFamilySchema.parse({ name: "The Patels" }));
  await People.addGuardian(
    owner,
    studioId,
    family.id,
    People.createGuardianSchema.parse({ firstName: "Priya", lastName: "Patel", email: "priya.patel@harmony-house.test", relationship: "mother" }),
  );
  const student = (firstName: string, lastName: string, primaryTeacherId: string, extra: Record<string, unknown>) =>
    People.createStudent(owner, studioId, People.createStudentSchema.parse({ firstName, lastName, primaryTeacherId, ...extra }));
  const anika = await student("Anika", "Patel", piano.id, { familyId: family.id, instrument: "piano" });
  const dev = await student("Dev", "Patel", guitar.id, { familyId: family.id, instrument: "guitar" });
  const sam = await student("Sam", "Rivers", piano.id, { email: "sam.rivers@harmony-house.test", instrument: "piano" });

  const startDate = todayIn(timeZone);
  const weekly = (teacherId: string, studentId: string, dayOfWeek: number, startTime: string, roomName: string) =>
    Scheduling.createPattern(
      owner,
      studioId,
      Scheduling.createPatternSchema.parse({ teacherId, studentId, frequency: "weekly", dayOfWeek, startDate, startTime, durationMinutes: 45, roomName }),
    );
  await weekly(piano.id, anika.id, 1, "16:00", "Piano Room");
  await weekly(piano.id, sam.id, 3, "18:30", "Piano Room");
  await weekly(guitar.id, dev.id, 2, "17:00", "Studio B");
  return { family: family.id, anika: anika.id, dev: dev.id, sam: sam.id };
}
