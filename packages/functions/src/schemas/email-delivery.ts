import { z } from "@hono/zod-openapi";
import { DeliveryProblemSchema } from "@studiosync/core/email-delivery";

export const DeliveryProblemPageSchema = z.object({ items: z.array(DeliveryProblemSchema), nextCursor: z.string().nullable() }).openapi("DeliveryProblemPage");

export const UndeliverableAddressesSchema = z
  .object({
    items: z.array(
      z.object({
        email: z.string(),
        reason: z.enum(["bounce", "complaint"]),
        at: z.string(),
        detail: z
          .string()
          .nullable()
          .openapi({ description: "The server's diagnostic or feedback type; only for a bounce or complaint of this studio's own mail" }),
        retryable: z.boolean().openapi({ description: "Whether you (an admin) may try the address again: a bounce of this studio's own mail" }),
      }),
    ),
  })
  .openapi("UndeliverableAddresses");

export const RetriedAddressSchema = z.object({ email: z.string() }).openapi("RetriedAddress");
