import { type ApiModule } from "../module";

/** The lesson-links module (its operations: routes.ts). */
export const lessonLinksModule = {
  name: "lesson-links",
  routeKeys: ["ANY /v1/public/lesson-links/{proxy+}"],
} as const satisfies ApiModule;
