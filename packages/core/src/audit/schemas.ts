import { z } from "zod";
import { pageQuerySchema } from "../kernel/pagination/pagination";

/** `entityType` and `entityId` go together: the history of one record. */
export const listAuditEventsQuerySchema = pageQuerySchema
  .extend({
    entityType: z.string().trim().min(1, "is required").max(40, "must be at most 40 characters").optional(),
    entityId: z.string().trim().min(1, "is required").max(64, "must be at most 64 characters").optional(),
  })
  .superRefine((q, ctx) => {
    if (q.entityType && !q.entityId) ctx.addIssue({ code: "custom", path: ["entityId"], message: "is required with entityType" });
    if (q.entityId && !q.entityType) ctx.addIssue({ code: "custom", path: ["entityType"], message: "is required with entityId" });
  });
export type ListAuditEventsQuery = z.infer<typeof listAuditEventsQuerySchema>;
