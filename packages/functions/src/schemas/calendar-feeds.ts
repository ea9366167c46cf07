import { z } from "@hono/zod-openapi";

export const CalendarFeedSchema = z
  .object({
    id: z.string(),
    subjectType: z.enum(["teacher", "student", "family"]),
    subjectId: z.string(),
    label: z.string().nullable(),
    ownerUserId: z.string().openapi({ description: "The member who made the feed; it stops working when they leave the studio" }),
    lastFetchedAt: z.string().nullable().openapi({ description: "When a calendar app last fetched it (to the hour)" }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("CalendarFeed");

export const CreatedCalendarFeedSchema = CalendarFeedSchema.extend({
  url: z.string().openapi({
    description: "The secret subscription URL (`…/v1/calendar/<token>.ics`). Shown only now; revoke the feed and make a new one if it leaks",
    example: "https://api.example.com/v1/calendar/3q2-7wEXAMPLEtokenEXAMPLEtokenEXAMPLEtokenE.ics",
  }),
}).openapi("CreatedCalendarFeed");

export const CalendarFeedPageSchema = z.object({ items: z.array(CalendarFeedSchema), nextCursor: z.string().nullable() }).openapi("CalendarFeedPage");
