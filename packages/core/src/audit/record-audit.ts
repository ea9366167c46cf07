import { v7 as uuidv7 } from "uuid";
import type { WriteTx } from "../db";

/** Bookkeeping fields that change on every write and say nothing on their own. */
const IGNORED = new Set(["updatedAt", "updatedBy", "createdAt", "createdBy"]);
/** Never copied into the audit log, only noted as changed. */
const REDACTED = new Set(["passwordHash", "medicalNotes"]);

export type Changes = Record<string, { before: unknown; after: unknown }>;

/** The fields that differ between two versions of a record (missing = null). */
export function diff(before: Record<string, unknown> | undefined, after: Record<string, unknown> | undefined): Changes {
  const changes: Changes = {};
  const fields = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const field of fields) {
    if (IGNORED.has(field)) continue;
    const was = before?.[field] ?? null;
    const now = after?.[field] ?? null;
    if (JSON.stringify(was) === JSON.stringify(now)) continue;
    changes[field] = REDACTED.has(field)
      ? { before: was === null ? null : "[redacted]", after: now === null ? null : "[redacted]" }
      : { before: was, after: now };
  }
  return changes;
}

export interface AuditInput {
  studioId: string;
  actorId: string;
  /** `<entityType>.<verb>`, e.g. "student.created", "member.role_changed". */
  action: string;
  entityType: string;
  entityId: string;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
}

/** Any transaction whose service has the audit entity (db() or scheduleDb()). */
export type AuditTx = Pick<WriteTx, "auditEvent">;

/** The transaction item that records an audit event next to the write it describes. */
export function recordAudit(tx: AuditTx, input: AuditInput) {
  return tx.auditEvent
    .create({
      studioId: input.studioId,
      eventId: uuidv7(),
      actorId: input.actorId,
      action: input.action,
      entityType: input.entityType,
      entityId: input.entityId,
      changes: diff(input.before, input.after),
      at: new Date().toISOString(),
    })
    .commit();
}
