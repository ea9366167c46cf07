import { z } from "@hono/zod-openapi";
import { RescheduleRequestSchema } from "@studiosync/core/scheduling";
import { RecordNamesSchema } from "./names";

export { RescheduleRequestSchema };

export const RescheduleRequestPageSchema = z
  .object({ items: z.array(RescheduleRequestSchema), nextCursor: z.string().nullable(), names: RecordNamesSchema })
  .openapi("RescheduleRequestPage");
