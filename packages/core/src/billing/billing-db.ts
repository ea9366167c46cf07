import { tableService, type TransactionEntities } from "../kernel/db/table-service";
import { tenantEntities } from "../db";
import { JobCursorEntity, LessonAttendeeEntity, LessonEntity } from "../scheduling/module";
import { billingModule } from "./module";

/**
 * The billing entities, with the people, lessons and audit entities their reads and transactions
 * span. A third ElectroDB service over the same table (see schedule-db.ts), so only the billing
 * Lambdas carry these models.
 */
export const billingEntities = {
  ...tenantEntities,
  lesson: LessonEntity,
  lessonAttendee: LessonAttendeeEntity,
  jobCursor: JobCursorEntity,
  ...billingModule.entities,
};

/** The billing service (same table, same client as db()). */
export const billingDb = tableService(billingEntities);

/** The billing entities as a transaction callback receives them. */
export type BillingTx = TransactionEntities<typeof billingDb>;
