import { z } from "@hono/zod-openapi";
import { AvailabilitySchema } from "@studiosync/core/scheduling";

export { AvailabilitySchema };

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
