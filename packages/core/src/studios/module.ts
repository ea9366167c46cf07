import type { CoreModule } from "../kernel/core-module";
import { StudioEntity } from "./studio.entity";
import { StudioSlugEntity } from "./studio-slug.entity";

export * from "./studio-slug.entity";
export * from "./studio.entity";

/**
 * The studios module's declaration: the entities it owns (the studio and its slug), with their
 * record types. The ElectroDB services (db/, each module's *-db.ts) are composed from these
 * declarations; other modules reach the entities through this file, not through their files.
 */
export const studiosModule = {
  name: "studios",
  entities: {
    studio: StudioEntity,
    studioSlug: StudioSlugEntity,
  },
} as const satisfies CoreModule;
