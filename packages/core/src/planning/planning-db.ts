import { tableService } from "../kernel/db/table-service";
import { schedulingEntities } from "../scheduling";
import { planningModule } from "./module";

/**
 * The recurring patterns, with the scheduling entities their reads and transactions span (their
 * lessons, day schedules, closures, settings): only the planning Lambda and the materialise job carry them.
 */
export const planningEntities = { ...schedulingEntities, ...planningModule.entities };

/** The planning service (same table, same client as the others). */
export const planningDb = tableService(planningEntities);

type PlanningDb = ReturnType<typeof planningDb>;
/** The planning entities as a transaction callback receives them. */
export type PlanningTx = Parameters<Parameters<PlanningDb["transaction"]["write"]>[0]>[0];
