import { scheduleDb } from "../schedule-db";
import { v7 as uuidv7 } from "uuid";
import { recordAudit } from "../../audit";
import { assertMay, loadMemberWith, type Actor } from "../../policy";
import { roomKeyOf } from "../bookings/booking-slot";
import { commitWithBookings } from "../bookings/commit-booking";
import { dayKeys, planBookings } from "../bookings/plan-bookings";
import { dayScheduleReads, dayStatesOf } from "../bookings/read-day-schedules";
import { withBookingRetry } from "../bookings/with-booking-retry";
import { outboxEmails } from "../../outbox";
import { lessonBookedNotices } from "../lesson-notices/booked-notices";
import { schedulingSettingsRead, withDefaults } from "../settings/read-settings";
import { assertStudioOpen } from "./closed-dates";
import { partyReads, resolveParties } from "./lesson-parties";
import { toLesson, type LessonRecord } from "./lesson-view";
import { lessonWrites, slotOf } from "./lesson-writes";
import type { CreateLessonInput } from "./schemas";

/**
 * Books one lesson (admins; a teacher for a lesson they teach with their own student). The
 * teacher, every student and the room must be free (the teacher with their booking buffer) and
 * the studio open; the lesson, its attendees, its reminder, its day-schedule slots, the audit
 * event and the emails to the family (with the calendar invitation and the lesson's links)
 * commit together, so two bookings racing for the same slot cannot both win. The settings, the
 * parties and the lesson's days (without the teacher's buffer, which only the teacher record
 * names) are read in the membership's BatchGetItem; planBookings reads any further day.
 */
export function createLesson(actor: Actor, studioId: string, input: CreateLessonInput) {
  return withBookingRetry(async () => {
    const end = input.scheduledEnd ?? new Date(Date.parse(input.scheduledStart) + input.durationMinutes! * 60_000).toISOString();
    const days = dayKeys(
      {
        lessonId: "",
        start: input.scheduledStart,
        end,
        teacherId: input.teacherId,
        studentIds: input.studentId ? [input.studentId] : [],
        roomKey: roomKeyOf(input.roomName),
        teacherBufferMinutes: 0,
      },
      false,
    );
    const { member, studio, records } = await loadMemberWith(
      actor,
      studioId,
      schedulingSettingsRead(studioId),
      ...partyReads(studioId, input),
      ...dayScheduleReads(studioId, days),
    );
    assertMay(member, "lesson.schedule");
    const [stored, teacher, student, band, ...dayItems] = records;
    const settings = withDefaults(stored);
    const parties = await resolveParties(studioId, member, input, [teacher, student, band]);
    await assertStudioOpen(studioId, input.scheduledStart, end, studio.timeZone);

    const now = new Date();
    const lesson: LessonRecord = {
      studioId,
      lessonId: uuidv7(),
      teacherId: parties.teacher.teacherId,
      ...(input.studentId ? { studentId: input.studentId } : { bandId: input.bandId }),
      studentIds: parties.studentIds,
      type: input.type,
      status: "scheduled",
      scheduledStart: input.scheduledStart,
      scheduledEnd: end,
      ...(input.title ? { title: input.title } : {}),
      ...(input.location ? { location: input.location } : {}),
      ...(input.roomName ? { roomName: input.roomName } : {}),
      roomKey: roomKeyOf(input.roomName),
      ...(input.onlineUrl ? { onlineUrl: input.onlineUrl } : {}),
      editedByHand: false,
      createdBy: actor.userId,
      updatedBy: actor.userId,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    };
    const [{ plan }, notices] = await Promise.all([
      planBookings(studioId, { add: [slotOf(lesson, parties.teacher.bookingBufferMinutes)] }, undefined, dayStatesOf(days, dayItems)),
      lessonBookedNotices(studio, lesson, undefined, parties.known),
    ]);
    await commitWithBookings(
      scheduleDb,
      (tx) => [
        ...lessonWrites(tx, lesson, { familyOf: parties.familyOf, settings, now }),
        recordAudit(tx, { studioId, actorId: actor.userId, action: "lesson.created", entityType: "lesson", entityId: lesson.lessonId, after: lesson }),
        ...outboxEmails(tx, notices),
      ],
      plan,
    );
    return toLesson(lesson, studio.timeZone);
  });
}
