import type { CoreModule } from "../kernel/core-module";
import { UndeliverableAddressEntity } from "./undeliverable-address.entity";

export * from "./undeliverable-address.entity";

/**
 * The email-delivery module's declaration: the entities it owns (addresses that bounced or
 * complained), with their record types. The ElectroDB services (db/, each module's *-db.ts) are
 * composed from these declarations; other modules reach the entities through this file, not
 * through their files.
 */
export const emailDeliveryModule = {
  name: "email-delivery",
  entities: {
    undeliverableAddress: UndeliverableAddressEntity,
  },
} as const satisfies CoreModule;
