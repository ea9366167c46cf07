import type { CoreModule } from "../kernel/core-module";
import { AccessRequestEntity } from "./access-request.entity";

export * from "./access-request.entity";

/**
 * The access-requests module's declaration: the entities it owns (requests to join a studio), with
 * their record types. The ElectroDB services (db/, each module's *-db.ts) are composed from these
 * declarations; other modules reach the entities through this file, not through their files.
 */
export const accessRequestsModule = {
  name: "access-requests",
  entities: {
    accessRequest: AccessRequestEntity,
  },
} as const satisfies CoreModule;
