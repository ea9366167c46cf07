export { listAuditEvents, type AuditEvent } from "./list-audit-events";
export { AuditEventSchema } from "./audit-event-schema";
export * from "./schemas";
export { toAuditEvent } from "./list-audit-events";
export { diff, recordAudit } from "./record-audit";
