import { z } from "../../kernel/schema/openapi-zod";

/** A feed as its owner and the studio's admins see it; the URL is shown once, at creation (feed-view.ts maps a record to it). */
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
export type CalendarFeed = z.infer<typeof CalendarFeedSchema>;
