import { z } from "@hono/zod-openapi";
import { RecurringPatternSchema } from "@studiosync/core/planning";
import { RecordNamesSchema } from "./names";

export { RecurringPatternSchema };

export const RecurringPatternPageSchema = z
  .object({ items: z.array(RecurringPatternSchema), nextCursor: z.string().nullable(), names: RecordNamesSchema })
  .openapi("RecurringPatternPage");

export const RecurringPatternChangeSchema = RecurringPatternSchema.extend({
  lessonsCreated: z.number().int().openapi({ description: "Lessons this request made" }),
  lessonsRemoved: z.number().int().openapi({ description: "Untouched future lessons this request removed" }),
}).openapi("RecurringPatternChange");
