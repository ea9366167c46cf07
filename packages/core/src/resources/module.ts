import type { CoreModule } from "../kernel/core-module";
import { MaterialEntryEntity } from "./material-entry.entity";
import { ResourceFileEntity } from "./resource-file.entity";
import { ResourceShareEntity } from "./resource-share.entity";
import { ResourceVersionEntity } from "./resource-version.entity";
import { ResourceEntity } from "./resource.entity";

export * from "./material-entry.entity";
export * from "./resource-file.entity";
export * from "./resource-share.entity";
export * from "./resource-version.entity";
export * from "./resource.entity";

/**
 * The resources module's declaration: the studio's files (library resources and person
 * documents), their versions, their shares and each household's materials, with their record types.
 */
export const resourcesModule = {
  name: "resources",
  entities: {
    resource: ResourceEntity,
    resourceVersion: ResourceVersionEntity,
    resourceShare: ResourceShareEntity,
    resourceFile: ResourceFileEntity,
    materialEntry: MaterialEntryEntity,
  },
} as const satisfies CoreModule;
