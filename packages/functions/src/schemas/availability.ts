import { z } from "@hono/zod-openapi";

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

export const AvailabilityPageSchema = z.object({ items: z.array(AvailabilitySchema), nextCursor: z.string().nullable() }).openapi("AvailabilityPage");

export const FreeSlotSchema = z
  .object({
    start: z.string().openapi({ description: "UTC instant", example: "2026-03-10T13:00:00.000Z" }),
    end: z.string().openapi({ description: "UTC instant, exclusive", example: "2026-03-10T13:45:00.000Z" }),
    local: z.object({
      date: z.string().openapi({ example: "2026-03-10" }),
      startTime: z.string().openapi({ example: "09:00" }),
      endTime: z.string().openapi({ example: "09:45" }),
      timeZone: z.string().openapi({ example: "America/New_York" }),
    }),
  })
  .openapi("FreeSlot");

export const FreeSlotsSchema = z
  .object({
    teacherId: z.string(),
    timeZone: z.string(),
    from: z.string(),
    to: z.string(),
    durationMinutes: z.number().int(),
    stepMinutes: z.number().int(),
    bookingBufferMinutes: z.number().int().openapi({ description: "The teacher's buffer, kept free before and after their lessons" }),
    items: z.array(FreeSlotSchema).openapi({ description: "Oldest first" }),
  })
  .openapi("FreeSlots");
