import { z } from "@hono/zod-openapi";
import { LessonLinkSchema } from "@studiosync/core/scheduling";

export { LessonLinkSchema };

const nullable = z.string().nullable();

export const LinkCancelResultSchema = z
  .object({
    outcome: z.enum(["credit_issued", "no_credit"]),
    explanation: z.string(),
    makeupUrl: nullable.openapi({ description: "When a credit was issued: the link to book the make-up" }),
  })
  .openapi("LinkCancelResult");
