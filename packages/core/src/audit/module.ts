import type { CoreModule } from "../kernel/core-module";
import { AuditEventEntity } from "./audit-event.entity";

export * from "./audit-event.entity";

/**
 * The audit module's declaration: the entities it owns (the audit trail), with their record types.
 * The ElectroDB services (db/, each module's *-db.ts) are composed from these declarations; other
 * modules reach the entities through this file, not through their files.
 */
export const auditModule = {
  name: "audit",
  entities: {
    auditEvent: AuditEventEntity,
  },
} as const satisfies CoreModule;
