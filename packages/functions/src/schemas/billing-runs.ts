import { z } from "@hono/zod-openapi";
import { BillingRunDetailSchema, BillingRunSchema, BillingRunSentSchema, BillingRunStartedSchema } from "@studiosync/core/billing";

export { BillingRunDetailSchema, BillingRunSentSchema, BillingRunStartedSchema };

const nullable = z.string().nullable();

export const BillingRunPageSchema = z.object({ items: z.array(BillingRunSchema), nextCursor: nullable }).openapi("BillingRunPage");
