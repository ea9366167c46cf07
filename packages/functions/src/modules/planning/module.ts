import { studioAreas, jobHandler, type ApiModule } from "../module";

/** The planning module (its operations: routes.ts). */
export const planningModule = {
  name: "planning",
  routeKeys: studioAreas("recurring-patterns"),
  jobs: [
    {
      name: "MaterialiseLessons",
      handler: jobHandler("planning", "materialise-lessons"),
      schedule: "cron(15 3 * * ? *)",
      description: "Creates each recurring pattern's lessons up to the studio's horizon (default 12 weeks)",
    },
  ],
} as const satisfies ApiModule;
