import { z } from "../../kernel/schema/openapi-zod";

const optional = z.string().nullable();

/** A recurring pattern as the API shows it (pattern-view.ts maps a record to it). */
export const RecurringPatternSchema = z
  .object({
    id: z.string(),
    studioId: z.string(),
    teacherId: z.string(),
    studentId: optional.openapi({ description: "The student of a private pattern" }),
    bandId: optional.openapi({ description: "The band of a group pattern" }),
    studentIds: z.array(z.string()).openapi({ description: "Who attends (the band's members when it was made)" }),
    type: z.enum(["private", "group", "ensemble", "online"]),
    frequency: z.enum(["weekly", "biweekly", "monthly"]).openapi({
      description:
        "weekly; biweekly: every other week from startDate; monthly: the same ordinal weekday as startDate (the 2nd Tuesday; the last one when startDate is the 5th)",
    }),
    dayOfWeek: z.number().int().openapi({ description: "ISO weekday of startDate: 1 = Monday … 7 = Sunday" }),
    startDate: z.string().openapi({ example: "2026-11-24", description: "The first date (local)" }),
    endDate: optional.openapi({ description: "The last date it may happen on (local), or null for open-ended" }),
    startTime: z.string().openapi({ example: "16:00", description: "Local start time in the studio's time zone, kept across DST changes" }),
    durationMinutes: z.number().int(),
    timeZone: z.string().openapi({ example: "America/New_York" }),
    title: optional,
    location: optional,
    roomName: optional,
    onlineUrl: optional,
    isActive: z.boolean().openapi({ description: "Still running: not ended, not past its end date" }),
    materialisedThrough: optional.openapi({ description: "The last local date whose lesson has been made (or skipped)" }),
    skipped: z
      .array(z.object({ date: z.string(), reason: z.string(), conflictingLessonId: optional }))
      .openapi({ description: "Occurrences not made, with the reason (closures, conflicts, lessons kept by hand); the newest 50" }),
    continues: optional.openapi({ description: "The pattern this one continues after an edit from a date" }),
    continuedBy: optional.openapi({ description: "The pattern that continues this one after an edit from a date" }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("RecurringPattern");
export type Pattern = z.infer<typeof RecurringPatternSchema>;
