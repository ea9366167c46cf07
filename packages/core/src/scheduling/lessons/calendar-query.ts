import { z } from "zod";
import { pageQuerySchema } from "../../kernel/pagination/pagination";
import { recordIdField, text } from "../../people";
import { instantField } from "../fields";
import { LESSON_STATUSES } from "./lesson.entity";

/** The longest window one calendar query may cover. */
export const MAX_CALENDAR_DAYS = 92;
/** A calendar page may hold a busy studio's whole week (other lists stop at 100). */
export const MAX_CALENDAR_PAGE = 500;
const DAY_MS = 86_400_000;

/**
 * `GET …/lessons`: lessons starting in [from, to), at most one of teacherId / studentId /
 * familyId / roomName (none: the caller's own calendar, or the whole studio for admins).
 */
export const lessonCalendarQuerySchema = pageQuerySchema
  .extend({
    limit: z.coerce
      .number()
      .int("must be a whole number")
      .min(1, "must be at least 1")
      .max(MAX_CALENDAR_PAGE, `must be at most ${MAX_CALENDAR_PAGE}`)
      .default(25),
    from: instantField,
    to: instantField,
    teacherId: recordIdField.optional(),
    studentId: recordIdField.optional(),
    familyId: recordIdField.optional(),
    roomName: text(80).min(1, "must not be empty").optional(),
    include: z.enum(["names"], { errorMap: () => ({ message: "must be names" }) }).optional(),
    status: z.enum(LESSON_STATUSES, { errorMap: () => ({ message: `must be one of ${LESSON_STATUSES.join(", ")}` }) }).optional(),
  })
  .superRefine((query, ctx) => {
    const span = Date.parse(query.to) - Date.parse(query.from);
    if (span <= 0) ctx.addIssue({ code: "custom", path: ["to"], message: "must be after from" });
    else if (span > MAX_CALENDAR_DAYS * DAY_MS) ctx.addIssue({ code: "custom", path: ["to"], message: `must be at most ${MAX_CALENDAR_DAYS} days after from` });
    const filters = (["teacherId", "studentId", "familyId", "roomName"] as const).filter((key) => query[key] !== undefined);
    if (filters.length > 1) ctx.addIssue({ code: "custom", path: [filters[1]!], message: `give only one of ${filters.join(", ")}` });
  });
export type LessonCalendarQuery = z.infer<typeof lessonCalendarQuerySchema>;
