import { studioAreas, type ApiModule } from "../module";

/** The teaching module (its operations: routes.ts). */
export const teachingModule = {
  name: "teaching",
  routeKeys: [
    // API Gateway picks the most specific route, so a lesson's notes reach this Lambda, not scheduling.
    "ANY /v1/studios/{studioId}/lessons/{lessonId}/notes",
    "ANY /v1/studios/{studioId}/lessons/{lessonId}/notes/{proxy+}",
    ...studioAreas("notes", "goals", "lesson-plans", "practice-logs", "calendar-feeds"),
    "GET /v1/calendar/{proxy+}",
  ],
} as const satisfies ApiModule;
