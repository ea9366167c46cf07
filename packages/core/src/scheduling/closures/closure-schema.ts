import { z } from "../../kernel/schema/openapi-zod";

/** A closure as the API shows it (closure-view.ts maps a record to it). */
export const ClosureSchema = z
  .object({
    id: z.string(),
    studioId: z.string(),
    startDate: z.string().openapi({ example: "2026-12-24" }),
    endDate: z.string().openapi({ example: "2026-12-26" }),
    reason: z.string().openapi({ example: "Christmas" }),
    cancelledLessonIds: z.array(z.string()).openapi({ description: "Lessons it cancelled when it was added" }),
    cancelledLessonCount: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Closure");
export type Closure = z.infer<typeof ClosureSchema>;
