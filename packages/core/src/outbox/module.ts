import type { CoreModule } from "../kernel/core-module";
import { OutboxMessageEntity } from "./outbox-message.entity";

export * from "./outbox-message.entity";

/**
 * The outbox module's declaration: the entities it owns (the outbox messages), with their record
 * types. The ElectroDB services (db/, each module's *-db.ts) are composed from these declarations;
 * other modules reach the entities through this file, not through their files.
 */
export const outboxModule = {
  name: "outbox",
  entities: {
    outboxMessage: OutboxMessageEntity,
  },
} as const satisfies CoreModule;
