import { z } from "zod";
import { localDateField, localTimeField } from "../kernel/fields/calendar-fields";
import { pageQuerySchema } from "../kernel/pagination/pagination";
import { recordIdField, requiredText, text } from "../people";
import { durationMinutesField } from "../scheduling";
import { Money } from "../billing";
import { ATTENDANCE_STATUSES } from "../scheduling/module";
import { COURSE_KINDS } from "./course.entity";

const count = (min: number, max: number) =>
  z.number({ invalid_type_error: "must be a number" }).int("must be a whole number").min(min, `must be at least ${min}`).max(max, `must be at most ${max}`);
const priceField = z
  .number({ invalid_type_error: "must be a number" })
  .int("must be a whole number of minor units")
  .min(0, "must be at least 0")
  .max(Money.MAX_AMOUNT_MINOR, `must be at most ${Money.MAX_AMOUNT_MINOR}`);
const enumField = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { errorMap: () => ({ message: `must be one of ${values.join(", ")}` }) });

/** The most plans a course has (they are embedded in the course item). */
export const MAX_COURSE_PLANS = 8;

/** A course plan: so many classes for a price, valid so many days from admission. `planId` keeps an existing plan on PATCH. */
export const coursePlanSchema = z
  .object({
    planId: recordIdField.optional(),
    name: requiredText(80),
    classCount: count(1, 200),
    priceMinor: priceField,
    validityDays: count(1, 730),
  })
  .strict();
export type CoursePlanInput = z.infer<typeof coursePlanSchema>;

const courseFields = {
  name: requiredText(120),
  instrument: requiredText(60),
  kind: enumField(COURSE_KINDS),
  description: text(2000),
  minAge: count(0, 120),
  maxAge: count(0, 120),
  isActive: z.boolean({ invalid_type_error: "must be true or false" }),
  plans: z.array(coursePlanSchema).min(1, "give at least one plan").max(MAX_COURSE_PLANS, `give at most ${MAX_COURSE_PLANS} plans`),
};

const ageRange = (value: { minAge?: number; maxAge?: number }, ctx: z.RefinementCtx) => {
  if (value.minAge !== undefined && value.maxAge !== undefined && value.maxAge < value.minAge)
    ctx.addIssue({ code: "custom", path: ["maxAge"], message: "must be at least minAge" });
};

export const createCourseSchema = z
  .object(courseFields)
  .partial({ description: true, minAge: true, maxAge: true, isActive: true })
  .strict()
  .superRefine(ageRange);
export type CreateCourseInput = z.infer<typeof createCourseSchema>;

export const updateCourseSchema = z
  .object({ ...courseFields, description: text(2000).nullable(), minAge: count(0, 120).nullable(), maxAge: count(0, 120).nullable() })
  .omit({ kind: true })
  .partial()
  .strict();
export type UpdateCourseInput = z.infer<typeof updateCourseSchema>;

export const listCoursesQuerySchema = pageQuerySchema;
export type ListCoursesQuery = z.infer<typeof listCoursesQuerySchema>;

/**
 * The most lessons a slot's term may hold: making the slot writes each lesson with its reminder
 * and its teacher's and room's day schedules (4 items), and an admission each lesson, its
 * attendee and the student's day (3), all in one DynamoDB transaction of at most 100 items.
 */
export const MAX_TERM_LESSONS = 24;

export const createClassSlotSchema = z
  .object({
    courseId: recordIdField,
    teacherId: recordIdField,
    roomName: text(80),
    /** ISO weekday: 1 = Monday … 7 = Sunday. */
    weekday: count(1, 7),
    startTime: localTimeField,
    durationMinutes: durationMinutesField,
    termStart: localDateField,
    termEnd: localDateField,
    capacity: count(1, 60),
  })
  .partial({ roomName: true })
  .strict()
  .superRefine((value, ctx) => {
    if (value.termEnd < value.termStart) ctx.addIssue({ code: "custom", path: ["termEnd"], message: "must be on or after termStart" });
  });
export type CreateClassSlotInput = z.infer<typeof createClassSlotSchema>;

export const updateClassSlotSchema = z.object({ capacity: count(1, 60) }).strict();
export type UpdateClassSlotInput = z.infer<typeof updateClassSlotSchema>;

export const listClassSlotsQuerySchema = pageQuerySchema.extend({ courseId: recordIdField.optional(), teacherId: recordIdField.optional() });
export type ListClassSlotsQuery = z.infer<typeof listClassSlotsQuerySchema>;

export const admitSchema = z
  .object({
    slotId: recordIdField,
    studentId: recordIdField,
    planId: recordIdField,
    /** When the slot is full: join its waitlist instead of a 409. */
    waitlist: z.boolean({ invalid_type_error: "must be true or false" }),
  })
  .partial({ waitlist: true })
  .strict();
export type AdmitInput = z.infer<typeof admitSchema>;

export const joinWaitlistSchema = z.object({ studentId: recordIdField, planId: recordIdField }).strict();
export type JoinWaitlistInput = z.infer<typeof joinWaitlistSchema>;

export const groupAttendanceSchema = z
  .object({
    entries: z
      .array(z.object({ studentId: recordIdField, status: enumField(ATTENDANCE_STATUSES) }).strict())
      .min(1, "mark at least one student")
      .max(60, "at most 60 students"),
  })
  .strict();
export type GroupAttendanceInput = z.infer<typeof groupAttendanceSchema>;
