import { type ApiModule } from "../module";

/**
 * The operators module (its operations: routes.ts): the platform operators' console under
 * /v1/platform — every studio, its usage and what StudioSync bills it, suspensions and the
 * operators' own audit log. Its own Lambda, so no studio route shares its code or its errors.
 */
export const operatorsModule = {
  name: "operators",
  routeKeys: ["ANY /v1/platform/{proxy+}"],
} as const satisfies ApiModule;
