import { tableService, type TransactionEntities } from "../kernel/db/table-service";
import { schedulingEntities } from "../scheduling";
import { teachingModule } from "./module";

/**
 * The teaching records (lesson notes, goals, lesson plans, practice logs, calendar feeds), with
 * the scheduling entities their reads and transactions span: only the teaching Lambda carries them.
 */
export const teachingEntities = {
  ...schedulingEntities,
  ...teachingModule.entities,
};

/** The teaching service (same table, same client as the others). */
export const teachingDb = tableService(teachingEntities);

/** The teaching entities as a transaction callback receives them. */
export type TeachingTx = TransactionEntities<typeof teachingDb>;
