import type { CoreModule } from "../kernel/core-module";
import { RateCounterEntity } from "./rate-counter.entity";

export * from "./rate-counter.entity";

/**
 * The rate-limit module's declaration: the entities it owns (rate counters), with their record
 * types. The ElectroDB services (db/, each module's *-db.ts) are composed from these declarations;
 * other modules reach the entities through this file, not through their files.
 */
export const rateLimitModule = {
  name: "rate-limit",
  entities: {
    rateCounter: RateCounterEntity,
  },
} as const satisfies CoreModule;
