import { z } from "@hono/zod-openapi";

export const AuditEventSchema = z
  .object({
    id: z.string(),
    actorId: z.string().openapi({ description: "The user who did it" }),
    action: z.string().openapi({ example: "member.role_changed" }),
    entityType: z.string().openapi({ example: "member" }),
    entityId: z.string(),
    changes: z
      .record(z.string(), z.object({ before: z.unknown(), after: z.unknown() }))
      .openapi({ description: "Changed fields only; sensitive values are redacted" }),
    at: z.string(),
  })
  .openapi("AuditEvent");

export const AuditEventPageSchema = z.object({ items: z.array(AuditEventSchema), nextCursor: z.string().nullable() }).openapi("AuditEventPage");
