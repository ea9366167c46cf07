import { z } from "@hono/zod-openapi";
import {
  AdmissionSchema,
  ClassEnrolmentSchema,
  ClassOfferSchema,
  ClassSlotDetailSchema,
  ClassSlotSchema,
  CourseSchema,
  GroupAttendanceSchema,
  PublicCourseSchema,
  WaitlistEntrySchema,
} from "@studiosync/core/classes";

export {
  AdmissionSchema,
  ClassEnrolmentSchema,
  ClassOfferSchema,
  ClassSlotDetailSchema,
  ClassSlotSchema,
  CourseSchema,
  GroupAttendanceSchema,
  WaitlistEntrySchema,
};

const page = <T extends z.ZodTypeAny>(item: T, name: string) => z.object({ items: z.array(item), nextCursor: z.string().nullable() }).openapi(name);

export const CoursePageSchema = page(CourseSchema, "CoursePage");
export const ClassSlotPageSchema = page(ClassSlotSchema, "ClassSlotPage");
export const PublicCourseListSchema = z.object({ items: z.array(PublicCourseSchema) }).openapi("PublicCourseList");

export const WithdrawalSchema = z
  .object({
    slotId: z.string(),
    studentId: z.string(),
    lessonsLeft: z.number().int().openapi({ description: "The lessons ahead the student was taken out of" }),
    offeredTo: z
      .object({ studentId: z.string(), claimBy: z.string() })
      .nullable()
      .openapi({ description: "The student first in line, now offered the seat until `claimBy`; null when nobody waited (the seat is free)" }),
  })
  .openapi("Withdrawal");
