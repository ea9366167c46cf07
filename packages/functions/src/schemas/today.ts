import { z } from "@hono/zod-openapi";
import { AccessRequestSchema } from "./access-request";
import { ClosureSchema } from "./cancellations";
import { LessonSchema } from "./lessons";
import { RecordNamesSchema } from "./names";
import { RescheduleRequestSchema } from "./reschedule-requests";

const pending = <T extends z.ZodTypeAny>(item: T) =>
  z.object({
    count: z.number().int().openapi({ description: "Pending ones, counted up to 100" }),
    items: z.array(item).openapi({ description: "The newest five" }),
  });

export const DayLessonSchema = LessonSchema.extend({
  attendance: z
    .array(
      z.object({ studentId: z.string(), status: z.enum(["present", "absent", "late", "excused"]).nullable().openapi({ description: "null: not taken yet" }) }),
    )
    .openapi({ description: "Each student's attendance (empty for a cancelled lesson's students: all null)" }),
}).openapi("DayLesson");

export const StudioTodaySchema = z
  .object({
    role: z.enum(["owner", "admin", "teacher"]),
    today: z.string().openapi({ description: "The studio's local date", example: "2026-12-02" }),
    tomorrow: z.string(),
    timeZone: z.string(),
    lessons: z
      .array(DayLessonSchema)
      .openapi({ description: "Lessons starting today or tomorrow (local), by start: the studio's for admins, a teacher's own" }),
    moreLessons: z.boolean().openapi({ description: "More than 200 lessons: the calendar lists the rest" }),
    rescheduleRequests: pending(RescheduleRequestSchema).openapi({ description: "Pending: the studio's for admins, those for a teacher's lessons" }),
    accessRequests: pending(AccessRequestSchema).nullable().openapi({ description: "Pending requests to join (admins; null for teachers)" }),
    closures: z.array(ClosureSchema).openapi({ description: "The next five closures ending today or later" }),
    money: z
      .object({
        currency: z.string(),
        overdueCount: z.number().int(),
        overdueMinor: z.number().int().openapi({ description: "Balance due of open invoices past their due date" }),
        month: z.string().openapi({ example: "2026-12" }),
        revenueThisMonthMinor: z.number().int().openapi({ description: "Payments received this local month, net of refunds" }),
      })
      .nullable()
      .openapi({ description: "Admins only; null for teachers" }),
    setup: z
      .object({
        teacherAdded: z.boolean(),
        hoursSet: z.boolean(),
        familiesInvited: z.boolean().openapi({ description: "A family added or a parent or student invited" }),
        billingSettingsSaved: z.boolean(),
        stripeConnected: z.boolean(),
      })
      .nullable()
      .openapi({ description: "A new studio's steps, each done or not (admins; null for teachers)" }),
    names: RecordNamesSchema,
  })
  .openapi("StudioToday");
