import { z } from "@hono/zod-openapi";
import { PaymentSchema } from "@studiosync/core/billing";

export { PaymentSchema };

const nullable = z.string().nullable();

export const PaymentPageSchema = z.object({ items: z.array(PaymentSchema), nextCursor: nullable }).openapi("PaymentPage");
