import type { CoreModule } from "../kernel/core-module";
import { RecurringPatternEntity } from "./patterns/recurring-pattern.entity";

export * from "./patterns/recurring-pattern.entity";

/**
 * The planning module's declaration: the entities it owns (recurring patterns), with their record
 * types. The ElectroDB services (db/, each module's *-db.ts) are composed from these declarations;
 * other modules reach the entities through this file, not through their files.
 */
export const planningModule = {
  name: "planning",
  entities: {
    recurringPattern: RecurringPatternEntity,
  },
} as const satisfies CoreModule;
