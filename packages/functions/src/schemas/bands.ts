import { z } from "@hono/zod-openapi";
import { BandSchema, BandSummarySchema } from "@studiosync/core/people";

export { BandSchema };

const optional = z.string().nullable();

export const BandPageSchema = z
  .object({ items: z.array(BandSummarySchema), nextCursor: optional.openapi({ description: "Pass as `cursor` for the next page" }) })
  .openapi("BandPage");
