import { tableService, type TransactionEntities } from "../kernel/db/table-service";
import { leadsModule } from "../leads/module";
import { rateLimitModule } from "../rate-limit/module";
import { schedulingEntities } from "../scheduling";
import { growthModule } from "./module";

/**
 * The public page's entities with those its transactions span: a trial booking writes a lesson
 * and its day schedules (scheduling), a lead (leads), the rate counters of the public forms, the audit event and the emails.
 */
export const growthEntities = { ...schedulingEntities, ...rateLimitModule.entities, ...leadsModule.entities, ...growthModule.entities };

/** The growth service (same table, same client as the others). */
export const growthDb = tableService(growthEntities);

export type GrowthTx = TransactionEntities<typeof growthDb>;
