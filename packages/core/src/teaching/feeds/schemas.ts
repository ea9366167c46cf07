import { z } from "zod";
import { pageQuerySchema } from "../../kernel/pagination/pagination";
import { recordIdField, text } from "../../people";
import { FEED_SUBJECTS } from "./calendar-feed.entity";

/** A new feed: whose lessons it carries, and an optional name for the member's own list. */
export const createCalendarFeedSchema = z
  .object({
    subjectType: z.enum(FEED_SUBJECTS, { errorMap: () => ({ message: `must be one of ${FEED_SUBJECTS.join(", ")}` }) }),
    subjectId: recordIdField,
    label: text(100).min(1, "must not be empty").optional(),
  })
  .strict();
export type CreateCalendarFeedInput = z.infer<typeof createCalendarFeedSchema>;

export const listCalendarFeedsQuerySchema = pageQuerySchema;
export type ListCalendarFeedsQuery = z.infer<typeof listCalendarFeedsQuerySchema>;
