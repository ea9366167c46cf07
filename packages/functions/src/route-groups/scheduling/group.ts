import { studioAreas, type RouteGroup } from "../group";

/** The scheduling Lambda (its operations: routes.ts). */
export const schedulingGroup = {
  name: "scheduling",
  routeKeys: [...studioAreas("lessons", "attendance", "makeup-credits", "reschedule-requests", "today", "portal"), "ANY /v1/public/lesson-links/{proxy+}"],
} as const satisfies RouteGroup;
