import { z } from "../kernel/schema/openapi-zod";

/** An audit event as the API and privacy exports show it (list-audit-events.ts maps a record to it). */
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
export type AuditEvent = z.infer<typeof AuditEventSchema>;
