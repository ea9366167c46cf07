import type { CoreModule } from "../kernel/core-module";
import { CredentialEntity } from "./credential.entity";
import { EmailLinkEntity } from "./email-link.entity";
import { MembershipEntity } from "./membership.entity";
import { RefreshTokenEntity } from "./refresh-token.entity";
import { SessionFamilyEntity } from "./session-family.entity";
import { UserEntity } from "./user.entity";

export * from "./credential.entity";
export * from "./email-link.entity";
export * from "./membership.entity";
export * from "./refresh-token.entity";
export * from "./session-family.entity";
export * from "./user.entity";

/**
 * The accounts module's declaration: the entities it owns (users, their credentials, memberships,
 * sessions and email links), with their record types. The ElectroDB services (db/, each module's
 * *-db.ts) are composed from these declarations; other modules reach the entities through this
 * file, not through their files.
 */
export const accountsModule = {
  name: "accounts",
  entities: {
    credential: CredentialEntity,
    emailLink: EmailLinkEntity,
    membership: MembershipEntity,
    refreshToken: RefreshTokenEntity,
    sessionFamily: SessionFamilyEntity,
    user: UserEntity,
  },
} as const satisfies CoreModule;
