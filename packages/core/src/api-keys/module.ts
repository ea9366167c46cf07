import type { CoreModule } from "../kernel/core-module";
import { ApiKeyEntity } from "./api-key.entity";

export * from "./api-key.entity";

/** The API keys module's declaration: each studio's keys for the developers' systems that call the API. */
export const apiKeysModule = {
  name: "api-keys",
  entities: { apiKey: ApiKeyEntity },
} as const satisfies CoreModule;
