import { z } from "@hono/zod-openapi";
import { FeePlanEnrolmentSchema, FeePlanSchema } from "@studiosync/core/billing";

export { FeePlanEnrolmentSchema, FeePlanSchema };

const nullable = z.string().nullable();

export const FeePlanListSchema = z.object({ items: z.array(FeePlanSchema) }).openapi("FeePlanList");

export const FeePlanEnrolmentPageSchema = z.object({ items: z.array(FeePlanEnrolmentSchema), nextCursor: nullable }).openapi("FeePlanEnrolmentPage");
