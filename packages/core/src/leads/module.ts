import type { CoreModule } from "../kernel/core-module";
import { LeadEntity } from "./lead.entity";

export * from "./lead.entity";

/**
 * The leads module's declaration: the studio's prospective students. The services are composed
 * from these declarations; other modules reach the entities through this file.
 */
export const leadsModule = {
  name: "leads",
  entities: {
    lead: LeadEntity,
  },
} as const satisfies CoreModule;
