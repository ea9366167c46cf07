import { z } from "@hono/zod-openapi";
import { CancellationPolicySchema, ClosureSchema, MakeupCreditSchema } from "@studiosync/core/scheduling";
import { LessonSchema } from "./lessons";
import { RecordNamesSchema } from "./names";

export { CancellationPolicySchema, ClosureSchema, MakeupCreditSchema };

const nullable = z.string().nullable();

export const MakeupCreditPageSchema = z.object({ items: z.array(MakeupCreditSchema), nextCursor: nullable }).openapi("MakeupCreditPage");

export const ClosurePageSchema = z.object({ items: z.array(ClosureSchema), nextCursor: nullable }).openapi("ClosurePage");

export const ClosurePreviewSchema = z
  .object({
    startDate: z.string(),
    endDate: z.string(),
    lessons: z.array(LessonSchema).openapi({ description: "The scheduled lessons still to come in the dates, by start" }),
    lessonCount: z.number().int(),
    outcome: z.enum(["credit_issued", "no_credit"]).openapi({ description: "The policy's outcome for every student of them" }),
    explanation: z.string().openapi({ example: "credit issued: studio closed" }),
    creditCount: z.number().int().openapi({ description: "Make-up credits the closure would issue (one per student per lesson)" }),
    names: RecordNamesSchema,
  })
  .openapi("ClosurePreview");
