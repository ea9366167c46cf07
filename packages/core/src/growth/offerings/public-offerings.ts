import { listPublicCourses } from "../../classes";
import { AppError } from "../../kernel/errors";
import { publicTeacherRecords, toPublicTeacher } from "../../people";
import type { TeacherRecord } from "../../people/module";
import { liveStudioBySlug } from "../../studios";
import type { StudioRecord } from "../../studios/module";
import { toPublicStudio } from "../../studios";
import type { BookingSettingsRecord } from "../booking-settings.entity";
import { growthDb } from "../growth-db";
import { bookingSettingsOf } from "../settings/read-booking-settings";
import type { BookingSettings } from "../settings/defaults";
import { readTeacherWeek, trialSlotsOf } from "../trials/trial-slots";

const trialOffer = (s: BookingSettings) => ({
  enabled: s.trialsEnabled,
  lengths: s.trialLengths,
  priceMinor: s.trialPriceMinor,
  minNoticeHours: s.minNoticeHours,
  horizonDays: s.horizonDays,
});

const offeredTeacher = async (teacher: TeacherRecord, settings: BookingSettings) => ({
  ...(await toPublicTeacher(teacher)),
  takesTrials: settings.trialsEnabled && teacher.isAcceptingStudents !== false,
});

/**
 * Everything a studio's public page shows but its files: the studio, its public and active
 * teachers, the instruments they teach, the private lessons and trial it advertises, its group
 * courses (schedule, ages, price, seats left) and its business hours. The studio by slug, then the
 * teachers (one query of the name index), the booking settings and the courses in parallel.
 */
export async function publicOfferings(slug: string) {
  const studio = await liveStudioBySlug(slug);
  const [teachers, stored, profile, courses] = await Promise.all([
    publicTeacherRecords(studio.studioId),
    growthDb().entities.bookingSettings.get({ studioId: studio.studioId }).go(),
    toPublicStudio(studio),
    listPublicCourses(studio),
  ]);
  const settings = bookingSettingsOf(stored.data as BookingSettingsRecord | null);
  const instruments = [...new Set(teachers.flatMap((t) => t.specialties ?? []).map((s) => s.trim()))].sort((a, b) => a.localeCompare(b));
  return {
    studio: profile,
    currency: studio.currency,
    teachers: await Promise.all(teachers.map((t) => offeredTeacher(t, settings))),
    instruments,
    lessonPrices: settings.lessonPrices,
    trial: trialOffer(settings),
    businessHours: settings.businessHours,
    courses,
  };
}

/** The trial length a teacher page shows slots for: the one asked for, else the shortest offered. */
function lengthOf(settings: BookingSettings, asked: number | undefined): number {
  if (asked === undefined) return settings.trialLengths[0] ?? 30;
  if (!settings.trialLengths.includes(asked)) {
    throw new AppError("validation_failed", "The request has invalid fields", {
      errors: [{ path: "durationMinutes", message: `must be one of ${settings.trialLengths.join(", ")}` }],
    });
  }
  return asked;
}

/**
 * A public teacher's page: the studio, the teacher, what they offer and their free trial slots
 * over the next 14 days for one length. Three DynamoDB calls: the studio by slug, then one
 * BatchGet (teacher, hours, booking settings, day schedules) and the closures query in parallel.
 * A teacher who is not public and active is "not found".
 */
export async function publicTeacherPage(slug: string, teacherId: string, query: { durationMinutes?: number }, now = new Date()) {
  const studio: StudioRecord = await liveStudioBySlug(slug);
  const [week, profile] = await Promise.all([readTeacherWeek(studio, teacherId, now), toPublicStudio(studio)]);
  const durationMinutes = lengthOf(week.settings, query.durationMinutes);
  return {
    studio: profile,
    currency: studio.currency,
    teacher: await offeredTeacher(week.teacher, week.settings),
    lessonPrices: week.settings.lessonPrices,
    trial: trialOffer(week.settings),
    durationMinutes,
    slots: trialSlotsOf(studio, week, durationMinutes, now),
  };
}
