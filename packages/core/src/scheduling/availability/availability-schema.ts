import { z } from "../../kernel/schema/openapi-zod";

/** A teacher's working week as the API shows it (availability-view.ts maps it). */
export const WorkingRangeSchema = z
  .object({
    weekday: z.number().int().openapi({ description: "ISO weekday: 1 = Monday … 7 = Sunday", example: 2 }),
    start: z.string().openapi({ description: "Local time HH:MM in the studio's time zone", example: "09:00" }),
    end: z.string().openapi({ description: "Local time HH:MM, exclusive; 24:00 is midnight", example: "17:00" }),
  })
  .openapi("WorkingRange");

export const AvailabilitySchema = z
  .object({
    teacherId: z.string(),
    teacherName: z.string(),
    timeZone: z.string().openapi({ description: "The studio's IANA time zone the weekdays and times are in", example: "America/New_York" }),
    weeklyHours: z.array(WorkingRangeSchema).openapi({ description: "By weekday, then start; empty when no hours are set (no free slots)" }),
    updatedAt: z.string().nullable().openapi({ description: "When the hours were last set; null when never" }),
  })
  .openapi("Availability");
export type Availability = z.infer<typeof AvailabilitySchema>;
