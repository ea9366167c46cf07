import { studioAreas, type ApiModule } from "../module";

/** The privacy module (its operations: routes.ts): a person's data exported or erased. */
export const privacyModule = {
  name: "privacy",
  routeKeys: [...studioAreas("privacy"), "ANY /v1/public/privacy-exports/{proxy+}"],
} as const satisfies ApiModule;
