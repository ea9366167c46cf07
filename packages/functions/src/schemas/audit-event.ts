import { z } from "@hono/zod-openapi";
import { AuditEventSchema } from "@studiosync/core/audit";

export const AuditEventPageSchema = z.object({ items: z.array(AuditEventSchema), nextCursor: z.string().nullable() }).openapi("AuditEventPage");
