import { z } from "@hono/zod-openapi";
import { FamilySchema, FamilySummarySchema, GuardianSchema } from "@studiosync/core/people";

export { FamilySchema, GuardianSchema };

const optional = z.string().nullable();

export const FamilyPageSchema = z
  .object({ items: z.array(FamilySummarySchema), nextCursor: optional.openapi({ description: "Pass as `cursor` for the next page" }) })
  .openapi("FamilyPage");

export const GuardianListSchema = z.object({ items: z.array(GuardianSchema) }).openapi("GuardianList");
