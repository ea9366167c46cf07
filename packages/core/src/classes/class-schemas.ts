import { z } from "../kernel/schema/openapi-zod";

const nullable = z.string().nullable();

export const CoursePlanSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    classCount: z.number().int(),
    priceMinor: z.number().int(),
    validityDays: z.number().int(),
    feePlanId: z.string().openapi({ description: "The term fee plan of billing that bills an admission on this plan" }),
  })
  .openapi("CoursePlan");

export const CourseSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    instrument: z.string(),
    kind: z.enum(["group", "private"]),
    description: nullable,
    minAge: z.number().int().nullable(),
    maxAge: z.number().int().nullable(),
    isActive: z.boolean(),
    plans: z.array(CoursePlanSchema),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Course");
export type Course = z.infer<typeof CourseSchema>;

export const ClassSlotSchema = z
  .object({
    id: z.string(),
    courseId: z.string(),
    courseName: z.string(),
    instrument: z.string(),
    teacherId: z.string(),
    roomName: nullable,
    weekday: z.number().int().openapi({ description: "ISO weekday: 1 = Monday … 7 = Sunday" }),
    startTime: z.string().openapi({ example: "16:00", description: "Local time in the studio's time zone" }),
    durationMinutes: z.number().int(),
    termStart: z.string(),
    termEnd: z.string(),
    capacity: z.number().int(),
    seatsTaken: z.number().int().openapi({ description: "Students enrolled and seats held for open waitlist offers" }),
    seatsLeft: z.number().int(),
    lessonCount: z.number().int(),
    lessons: z.array(z.object({ lessonId: z.string(), start: z.string() })),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("ClassSlot");
export type ClassSlot = z.infer<typeof ClassSlotSchema>;

export const ClassEnrolmentSchema = z
  .object({
    slotId: z.string(),
    studentId: z.string(),
    studentName: z.string(),
    courseId: z.string(),
    planId: z.string(),
    feePlanId: z.string(),
    startDate: z.string(),
    endDate: z.string(),
    classCount: z.number().int(),
    classesLeft: z.number().int(),
    lessonIds: z.array(z.string()),
    createdAt: z.string(),
  })
  .openapi("ClassEnrolment");
export type ClassEnrolment = z.infer<typeof ClassEnrolmentSchema>;

export const WaitlistEntrySchema = z
  .object({
    id: z.string(),
    slotId: z.string(),
    studentId: z.string(),
    studentName: z.string(),
    planId: z.string(),
    position: z.number().int().openapi({ description: "1 for the first in line" }),
    state: z.enum(["waiting", "offered"]),
    offeredAt: nullable,
    claimBy: nullable,
    joinedAt: z.string(),
  })
  .openapi("WaitlistEntry");
export type WaitlistEntry = z.infer<typeof WaitlistEntrySchema>;

/** What an admission answers: the seat, or (full slot, `waitlist: true`) the place in the queue. */
export const AdmissionSchema = z
  .object({
    outcome: z.enum(["admitted", "waitlisted"]),
    enrolment: ClassEnrolmentSchema.nullable(),
    waitlistEntry: WaitlistEntrySchema.nullable(),
  })
  .openapi("Admission");
export type Admission = z.infer<typeof AdmissionSchema>;

/** A slot with its roster and waitlist (the slot's page). */
export const ClassSlotDetailSchema = ClassSlotSchema.extend({
  enrolments: z.array(ClassEnrolmentSchema),
  waitlist: z.array(WaitlistEntrySchema),
}).openapi("ClassSlotDetail");
export type ClassSlotDetail = z.infer<typeof ClassSlotDetailSchema>;

/** One class date of a slot with every student's attendance (the group attendance screen). */
export const GroupAttendanceSchema = z
  .object({
    slotId: z.string(),
    lessonId: z.string(),
    scheduledStart: z.string(),
    scheduledEnd: z.string(),
    status: z.string(),
    students: z.array(
      z.object({
        studentId: z.string(),
        studentName: z.string(),
        attendance: z.enum(["present", "absent", "late", "excused"]).nullable(),
        classesLeft: z.number().int().nullable(),
      }),
    ),
  })
  .openapi("GroupAttendance");
export type GroupAttendance = z.infer<typeof GroupAttendanceSchema>;

/** What a waitlist offer's signed link shows before the family acts. */
export const ClassOfferSchema = z
  .object({
    studioName: z.string(),
    courseName: z.string(),
    studentName: z.string(),
    weekday: z.number().int(),
    startTime: z.string(),
    termStart: z.string(),
    termEnd: z.string(),
    claimBy: z.string(),
    state: z.enum(["open", "claimed", "declined", "closed"]),
  })
  .openapi("ClassOffer");
export type ClassOffer = z.infer<typeof ClassOfferSchema>;
