import { z } from "@hono/zod-openapi";
import { CalendarFeedSchema } from "@studiosync/core/teaching";

export const CreatedCalendarFeedSchema = CalendarFeedSchema.extend({
  url: z.string().openapi({
    description: "The secret subscription URL (`…/v1/calendar/<token>.ics`). Shown only now; revoke the feed and make a new one if it leaks",
    example: "https://api.example.com/v1/calendar/3q2-7wEXAMPLEtokenEXAMPLEtokenEXAMPLEtokenE.ics",
  }),
}).openapi("CreatedCalendarFeed");

export const CalendarFeedPageSchema = z.object({ items: z.array(CalendarFeedSchema), nextCursor: z.string().nullable() }).openapi("CalendarFeedPage");
