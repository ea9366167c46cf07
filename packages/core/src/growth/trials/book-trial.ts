import { v7 as uuidv7 } from "uuid";
import type { RequestContext } from "../../accounts";
import { PUBLIC_ACTOR } from "../../access-requests";
import { recordAudit } from "../../audit";
import { AppError } from "../../kernel/errors";
import { itemOf, readTogether } from "../../kernel/db/read-together";
import { localParts } from "../../kernel/time/wall-clock";
import { leadIntakeWrite, matchingLead, type LeadIntake } from "../../leads";
import { outboxEmails } from "../../outbox";
import type { TeacherRecord } from "../../people/module";
import { assertWithinLimits, countAttempt } from "../../rate-limit";
import type { AvailabilityRecord } from "../../scheduling";
import { weeklyHoursOf } from "../../scheduling";
import { commitWithBookings } from "../../scheduling";
import { dayKeys, planBookings } from "../../scheduling";
import { dayScheduleReads, dayStatesOf } from "../../scheduling";
import { withBookingRetry } from "../../scheduling";
import { closuresBetween } from "../../scheduling";
import { computeFreeSlots } from "../../scheduling";
import type { LessonRecord } from "../../scheduling";
import { lessonWrites, slotOf } from "../../scheduling";
import { schedulingSettingsRead, withDefaults } from "../../scheduling";
import { liveStudioBySlug } from "../../studios";
import type { BookingSettingsRecord } from "../booking-settings.entity";
import { growthDb } from "../growth-db";
import { bookingSettingsOf } from "../settings/read-booking-settings";
import { assertTrialBookable, publicTeacherOr404 } from "./bookable-teacher";
import { counterReads, counterStates, formCounters, PUBLIC_FORM_LIMITS } from "./public-limits";
import type { BookTrialInput } from "./schemas";
import { trialBookedNotices } from "./trial-notices";
import { trialWindow } from "./trial-window";

const invalidStart = (message: string) => new AppError("validation_failed", "The request has invalid fields", { errors: [{ path: "start", message }] });

/** The trial's booking as the visitor's confirmation page shows it (the email carries the link to manage it). */
export interface BookedTrial {
  lessonId: string;
  start: string;
  end: string;
  timeZone: string;
  teacherName: string;
  email: string;
}

/**
 * A visitor books a trial lesson from a teacher's public page. The slot must be inside the
 * teacher's working hours on an open day, after the studio's minimum notice and within its
 * horizon, and free: the trial is a lesson (titled with the student's name, linked to the lead,
 * no student yet) held in the teacher's day schedules by the booking engine, so it races with
 * every other booking and exactly one wins (a loser is 409 `trial.slot_taken`). The lesson, its
 * day schedules, the lead (the matching open lead of the same student and contact, moved to
 * "trial booked", or a new one), the abuse counters, the audit event and the emails (the
 * confirmation with the calendar invitation and the booking page's link; the lead to the owners,
 * admins and the teacher) commit in one transaction. The same booking submitted again (a double
 * click) answers with the booking it made.
 */
export async function bookTrial(slug: string, input: BookTrialInput, context: RequestContext = {}, now = new Date()): Promise<BookedTrial> {
  const studio = await liveStudioBySlug(slug);
  const { studioId, timeZone } = studio;
  const end = new Date(Date.parse(input.start) + input.durationMinutes * 60_000).toISOString();
  const intake: LeadIntake = {
    source: "booking",
    student: input.student,
    contact: input.contact,
    ...(input.message ? { message: input.message } : {}),
    teacherId: input.teacherId,
  };
  return withBookingRetry(async () => {
    const counters = formCounters(PUBLIC_FORM_LIMITS.trialsPerEmail, PUBLIC_FORM_LIMITS.trialsPerIp, input.contact.email, context.ip);
    const slot = { lessonId: "", start: input.start, end, teacherId: input.teacherId, studentIds: [], roomKey: "none", teacherBufferMinutes: 0 };
    const days = dayKeys(slot, false);
    const { teacher, availability, bookingSettings } = growthDb().entities;
    const date = localParts(input.start, timeZone).date;
    const [records, closures, existing] = await Promise.all([
      readTogether(
        itemOf(teacher, { studioId, teacherId: input.teacherId }),
        itemOf(availability, { studioId, teacherId: input.teacherId }),
        itemOf(bookingSettings, { studioId }),
        schedulingSettingsRead(studioId),
        ...counterReads(counters),
        ...dayScheduleReads(studioId, days),
      ),
      closuresBetween(studioId, date, date),
      matchingLead(studioId, intake),
    ]);
    const [teacherItem, hours, storedSettings, storedScheduling, ...rest] = records as unknown as [
      TeacherRecord | null,
      AvailabilityRecord | null,
      BookingSettingsRecord | null,
      object | null,
      ...unknown[],
    ];
    const trialTeacher = publicTeacherOr404(teacherItem);
    const settings = bookingSettingsOf(storedSettings);
    assertTrialBookable(trialTeacher, settings, input.durationMinutes);
    const teacherName = `${trialTeacher.firstName} ${trialTeacher.lastName}`;
    if (existing?.trialStart === input.start && existing.trialTeacherId === input.teacherId && existing.trialBookingId) {
      return { lessonId: existing.trialBookingId, start: input.start, end, timeZone, teacherName, email: input.contact.email };
    }

    const { earliest, latest } = trialWindow(settings, now);
    if (Date.parse(input.start) < earliest) throw invalidStart(`must be at least ${settings.minNoticeHours} hours from now`);
    if (Date.parse(input.start) > latest) throw invalidStart(`must be within the next ${settings.horizonDays} days`);
    const inHours = computeFreeSlots({
      timeZone,
      from: date,
      to: date,
      durationMinutes: input.durationMinutes,
      stepMinutes: 1,
      weeklyHours: weeklyHoursOf(hours),
      closures,
      teacherBookings: [],
      teacherBufferMinutes: 0,
      otherBookings: [],
      now,
    }).some((s) => s.start === new Date(input.start).toISOString());
    if (!inHours) throw invalidStart("is not one of the teacher's free times");
    assertWithinLimits(counterStates(counters, rest.slice(0, counters.length)), now.getTime());

    const at = now.toISOString();
    const lesson: LessonRecord = {
      studioId,
      lessonId: uuidv7(),
      teacherId: trialTeacher.teacherId,
      studentIds: [],
      type: "private",
      status: "scheduled",
      title: `Trial lesson: ${input.student.firstName} ${input.student.lastName}`,
      scheduledStart: new Date(input.start).toISOString(),
      scheduledEnd: end,
      roomKey: "none",
      editedByHand: false,
      createdBy: PUBLIC_ACTOR,
      updatedBy: PUBLIC_ACTOR,
      createdAt: at,
      updatedAt: at,
    };
    const plan = await planTrial(studioId, lesson, trialTeacher, dayStatesOf(days, rest.slice(counters.length)));
    const leadId = existing?.leadId ?? uuidv7();
    const booked = { ...lesson, leadId };
    const emails = await trialBookedNotices(studio, booked, trialTeacher, input, settings.trialPriceMinor);
    const trial = { bookingId: lesson.lessonId, start: lesson.scheduledStart, teacherId: lesson.teacherId };
    await commitWithBookings(
      growthDb,
      (tx) => [
        ...lessonWrites(tx, booked, { familyOf: () => undefined, settings: withDefaults(storedScheduling), now }),
        ...leadIntakeWrite(tx, studioId, { ...intake, trial }, existing, PUBLIC_ACTOR, at, leadId).writes,
        recordAudit(tx, {
          studioId,
          actorId: PUBLIC_ACTOR,
          action: "trial.booked",
          entityType: "lesson",
          entityId: lesson.lessonId,
          after: { teacherId: lesson.teacherId, start: lesson.scheduledStart, end, leadId, email: input.contact.email },
        }),
        ...counters.map((key) => countAttempt(tx, key)),
        ...outboxEmails(tx, emails),
      ],
      plan,
    );
    return { lessonId: lesson.lessonId, start: lesson.scheduledStart, end, timeZone, teacherName, email: input.contact.email };
  });
}

/** The trial's place in the day schedules; a booking already there is 409 `trial.slot_taken` (naming nothing of it to the visitor). */
async function planTrial(studioId: string, lesson: LessonRecord, teacher: TeacherRecord, known: ReturnType<typeof dayStatesOf>) {
  try {
    const { plan } = await planBookings(studioId, { add: [slotOf(lesson, teacher.bookingBufferMinutes ?? 0)] }, undefined, known);
    return plan;
  } catch (error) {
    if (error instanceof AppError && error.reason === "lesson.double_booked") {
      throw new AppError("trial.slot_taken", "That time has just been taken: pick another one", { errors: [{ path: "start", message: "is no longer free" }] });
    }
    throw error;
  }
}
