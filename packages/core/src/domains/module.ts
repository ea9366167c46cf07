import type { CoreModule } from "../kernel/core-module";
import { DomainClaimEntity } from "./domain-claim.entity";
import { StudioDomainEntity } from "./studio-domain.entity";

export * from "./domain-claim.entity";
export * from "./studio-domain.entity";

/** The domains module's declaration: the hostnames studios attach to their public pages, and their platform-wide claims. */
export const domainsModule = {
  name: "domains",
  entities: { studioDomain: StudioDomainEntity, domainClaim: DomainClaimEntity },
} as const satisfies CoreModule;
