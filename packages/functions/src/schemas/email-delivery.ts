import { z } from "@hono/zod-openapi";

const kind = z.enum(["bounce", "complaint", "failed"]).openapi({
  description:
    "bounce: the address does not exist (permanent bounce); complaint: the recipient reported the mail as spam; failed: sending failed after every attempt",
});

export const DeliveryProblemSchema = z
  .object({
    messageId: z.string(),
    to: z.string(),
    subject: z.string(),
    at: z.string().openapi({ description: "When it failed, or when the bounce or complaint arrived" }),
    kind,
    detail: z.string().nullable().openapi({
      description: "The receiving server's diagnostic, the complaint's feedback type, or the last sending error",
      example: "smtp; 550 5.1.1 user unknown",
    }),
  })
  .openapi("DeliveryProblem");

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
