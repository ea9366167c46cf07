export { listAuditEvents, type AuditEvent } from "./list-audit-events";
export * from "./schemas";
