import type { CoreModule } from "../kernel/core-module";
import { ImportClaimEntity } from "./import-claim.entity";

export * from "./import-claim.entity";

/**
 * The imports module's declaration: the entities it owns (claims that make an import run once),
 * with their record types. The ElectroDB services (db/, each module's *-db.ts) are composed from
 * these declarations; other modules reach the entities through this file, not through their files.
 */
export const importsModule = {
  name: "imports",
  entities: {
    importClaim: ImportClaimEntity,
  },
} as const satisfies CoreModule;
