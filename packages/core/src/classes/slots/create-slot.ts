import { v7 as uuidv7 } from "uuid";
import { recordAudit } from "../../audit";
import { itemOf } from "../../kernel/db/read-together";
import { AppError, invalidField } from "../../kernel/errors";
import { localParts } from "../../kernel/time/wall-clock";
import { assertMay, hiddenRecord, loadMemberWith, type Actor } from "../../policy";
import type { TeacherRecord } from "../../people";
import {
  closuresBetween,
  commitWithBookings,
  lessonWrites,
  planBookings,
  roomKeyOf,
  schedulingSettingsRead,
  slotOf,
  withBookingRetry,
  withDefaults,
} from "../../scheduling";
import { classesDb } from "../classes-db";
import type { ClassSlotRecord } from "../class-slot.entity";
import { toClassSlot } from "../class-views";
import type { ClassSlot } from "../class-schemas";
import type { CourseRecord } from "../course.entity";
import type { CreateClassSlotInput } from "../schemas";
import { termDates, termLessons } from "./term-lessons";

/** DynamoDB's limit on the items of one transaction. */
export const TRANSACTION_ITEMS = 100;

/**
 * Makes a class slot (admins) and its term's weekly group lessons, in one transaction: the slot,
 * each lesson with its reminder, the teacher's and the room's day schedules (so neither is double
 * booked: a clash is a 409 naming the lesson in the way) and the audit event. The term is capped
 * (MAX_TERM_LESSONS, and the transaction's 100 items) with a 422 on `termEnd`.
 */
export async function createClassSlot(actor: Actor, studioId: string, input: CreateClassSlotInput): Promise<ClassSlot> {
  return withBookingRetry(async () => {
    const { course: courses, teacher: teachers } = classesDb().entities;
    const { member, studio, records } = await loadMemberWith(
      actor,
      studioId,
      itemOf(courses, { studioId, courseId: input.courseId }),
      itemOf(teachers, { studioId, teacherId: input.teacherId }),
      schedulingSettingsRead(studioId),
    );
    assertMay(member, "class.manage");
    const [course, teacher, stored] = records as [CourseRecord | null, TeacherRecord | null, Parameters<typeof withDefaults>[0]];
    if (!course) throw invalidField("courseId", "is not a course of this studio");
    if (!course.isActive) throw new AppError("course.inactive", `${course.name} takes no new classes (it is inactive)`);
    if (!teacher || teacher.deletedAt) throw invalidField("teacherId", "is not a teacher of this studio");
    const settings = withDefaults(stored);
    const now = new Date();
    const stamp = now.toISOString();
    const today = localParts(now, studio.timeZone).date;
    const dates = termDates(input, today, await closuresBetween(studioId, input.termStart, input.termEnd));
    const slotId = uuidv7();
    const lessons = termLessons(
      { ...input, studioId, slotId, teacherId: teacher.teacherId, courseName: course.name },
      dates,
      studio.timeZone,
      actor.userId,
      stamp,
    );
    const { plan } = await planBookings(studioId, { add: lessons.map((l) => slotOf(l, teacher.bookingBufferMinutes ?? 0)) });
    if (2 + lessons.length * 2 + plan.itemCount > TRANSACTION_ITEMS) {
      throw invalidField("termEnd", `the term has too many classes to make at once (${lessons.length}): end it earlier and make a second slot for the rest`);
    }
    const slot: ClassSlotRecord = {
      studioId,
      slotId,
      courseId: course.courseId,
      courseName: course.name,
      instrument: course.instrument,
      teacherId: teacher.teacherId,
      ...(input.roomName ? { roomName: input.roomName } : {}),
      roomKey: roomKeyOf(input.roomName),
      weekday: input.weekday,
      startTime: input.startTime,
      durationMinutes: input.durationMinutes,
      termStart: input.termStart,
      termEnd: input.termEnd,
      capacity: input.capacity,
      seatsTaken: 0,
      lessons: lessons.map((l) => ({ lessonId: l.lessonId, start: l.scheduledStart })),
      createdBy: actor.userId,
      updatedBy: actor.userId,
      createdAt: stamp,
      updatedAt: stamp,
    };
    await commitWithBookings(
      classesDb,
      (tx) => [
        tx.classSlot.create(slot).commit(),
        ...lessons.flatMap((lesson) => lessonWrites(tx, lesson, { familyOf: () => undefined, settings, now })),
        recordAudit(tx, { studioId, actorId: actor.userId, action: "classSlot.created", entityType: "classSlot", entityId: slotId, after: slot }),
      ],
      plan,
    );
    return toClassSlot(slot);
  });
}

/** The slot, or a 404 for a member who may not see it (another teacher, a family). */
export async function loadSlotFor(
  actor: Actor,
  studioId: string,
  slotId: string,
  ...extra: Parameters<typeof loadMemberWith> extends [unknown, unknown, ...infer R] ? R : never
) {
  const { member, studio, records } = await loadMemberWith(actor, studioId, itemOf(classesDb().entities.classSlot, { studioId, slotId }), ...extra);
  const [slot, ...rest] = records as [ClassSlotRecord | null, ...unknown[]];
  if (!slot) throw hiddenRecord("Class slot");
  assertMay(member, "class-slot.view", slot);
  return { member, studio, slot, rest };
}
