import type { ClassEnrolmentRecord } from "./class-enrolment.entity";
import type { ClassSlotRecord } from "./class-slot.entity";
import type { ClassEnrolment, ClassSlot, Course, WaitlistEntry } from "./class-schemas";
import type { CourseRecord } from "./course.entity";
import type { WaitlistEntryRecord } from "./waitlist-entry.entity";

export const toCourse = (r: CourseRecord): Course => ({
  id: r.courseId,
  name: r.name,
  instrument: r.instrument,
  kind: r.kind,
  description: r.description ?? null,
  minAge: r.minAge ?? null,
  maxAge: r.maxAge ?? null,
  isActive: r.isActive,
  plans: r.plans.map((p) => ({
    id: p.planId,
    name: p.name,
    classCount: p.classCount,
    priceMinor: p.priceMinor,
    validityDays: p.validityDays,
    feePlanId: p.feePlanId,
  })),
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

export const toClassSlot = (r: ClassSlotRecord): ClassSlot => ({
  id: r.slotId,
  courseId: r.courseId,
  courseName: r.courseName,
  instrument: r.instrument,
  teacherId: r.teacherId,
  roomName: r.roomName ?? null,
  weekday: r.weekday,
  startTime: r.startTime,
  durationMinutes: r.durationMinutes,
  termStart: r.termStart,
  termEnd: r.termEnd,
  capacity: r.capacity,
  seatsTaken: r.seatsTaken,
  seatsLeft: Math.max(0, r.capacity - r.seatsTaken),
  lessonCount: r.lessons.length,
  lessons: r.lessons.map(({ lessonId, start }) => ({ lessonId, start })),
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

export const toClassEnrolment = (r: ClassEnrolmentRecord, studentName: string): ClassEnrolment => ({
  slotId: r.slotId,
  studentId: r.studentId,
  studentName,
  courseId: r.courseId,
  planId: r.planId,
  feePlanId: r.feePlanId,
  startDate: r.startDate,
  endDate: r.endDate,
  classCount: r.classCount,
  classesLeft: r.classesLeft,
  lessonIds: r.lessonIds,
  createdAt: r.createdAt,
});

export const toWaitlistEntry = (r: WaitlistEntryRecord, position: number, studentName: string): WaitlistEntry => ({
  id: r.entryId,
  slotId: r.slotId,
  studentId: r.studentId,
  studentName,
  planId: r.planId,
  position,
  state: r.state,
  offeredAt: r.offeredAt ?? null,
  claimBy: r.claimBy ?? null,
  joinedAt: r.createdAt,
});
