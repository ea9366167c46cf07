import type { CoreModule } from "../kernel/core-module";
import { InvitationEntity } from "./invitation.entity";

export * from "./invitation.entity";

/**
 * The invitations module's declaration: the entities it owns (invitations), with their record
 * types. The ElectroDB services (db/, each module's *-db.ts) are composed from these declarations;
 * other modules reach the entities through this file, not through their files.
 */
export const invitationsModule = {
  name: "invitations",
  entities: {
    invitation: InvitationEntity,
  },
} as const satisfies CoreModule;
