import { z } from "../../kernel/schema/openapi-zod";

/** What cancelling a lesson now would do under the studio's policy (preview-cancellation.ts builds it). */
export const CancellationPreviewSchema = z
  .object({
    lessonId: z.string(),
    by: z.enum(["student", "studio"]),
    // Whole hours of notice if it were cancelled now.
    noticeHours: z.number().int(),
    // The outcome the lesson would record (a private lesson's, or a group's shared one).
    outcome: z.enum(["credit_issued", "no_credit"]),
    explanation: z.string().openapi({ example: "credit issued: 52 h notice" }),
    // Per student: the policy's decision.
    students: z.array(z.object({ studentId: z.string(), outcome: z.enum(["credit_issued", "no_credit"]), explanation: z.string() })),
  })
  .openapi("CancellationPreview");
export type CancellationPreview = z.infer<typeof CancellationPreviewSchema>;
