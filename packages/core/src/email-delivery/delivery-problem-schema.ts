import { z } from "../kernel/schema/openapi-zod";

const kind = z.enum(["bounce", "complaint", "failed"]).openapi({
  description:
    "bounce: the address does not exist (permanent bounce); complaint: the recipient reported the mail as spam; failed: sending failed after every attempt",
});

/** An email that did not go out, as the API shows it (delivery-problems.ts maps an outbox message to it). */
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
export type DeliveryProblem = z.infer<typeof DeliveryProblemSchema>;
