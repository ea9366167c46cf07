import { jobHandler, studioAreas, type ApiModule } from "../module";

/** The resources module (its operations: routes.ts): the library, person documents, shares, materials and downloads. */
export const resourcesModule = {
  name: "resources",
  routeKeys: [
    ...studioAreas("resources"),
    // API Gateway picks the most specific route, so a lesson's materials reach this Lambda, not scheduling.
    "ANY /v1/studios/{studioId}/lessons/{lessonId}/materials",
    "GET /v1/public/materials/{proxy+}",
    "GET /v1/public/studios/{slug}/resources",
    "GET /v1/public/studios/{slug}/resources/{proxy+}",
  ],
  jobs: [
    {
      name: "AnnounceMaterials",
      handler: jobHandler("resources", "announce-materials"),
      schedule: "cron(0 6 * * ? *)",
      description: "Emails each student and family the material shared with them the day before (one email per recipient per day)",
    },
    {
      name: "PurgeTrash",
      handler: jobHandler("resources", "purge-trash"),
      schedule: "cron(30 3 * * ? *)",
      description: "Deletes for good the resources whose 30 days in the trash are over, with their files, and counts their bytes off",
    },
  ],
} as const satisfies ApiModule;
