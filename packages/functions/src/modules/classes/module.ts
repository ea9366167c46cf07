import { studioAreas, type ApiModule } from "../module";

/**
 * The classes module (its operations: routes.ts): class slots (rosters, waitlists, withdrawals,
 * group attendance) and admissions. The courses, the public courses and the waitlist offers' links
 * are the courses module's Lambda (classes' core module outgrew one Lambda's 400 KB).
 */
export const classesModule = {
  name: "classes",
  routeKeys: studioAreas("class-slots", "admissions"),
} as const satisfies ApiModule;
