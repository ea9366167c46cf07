import { studioAreas, jobHandler, type ApiModule } from "../module";

/** The scheduling module (its operations: routes.ts). */
export const schedulingModule = {
  name: "scheduling",
  routeKeys: studioAreas("lessons", "attendance"),
  jobs: [
    {
      name: "LessonReminders",
      handler: jobHandler("scheduling", "send-lesson-reminders"),
      schedule: "rate(15 minutes)",
      description: "Emails students and guardians before each lesson (lead time a studio setting, default 24 h)",
    },
  ],
} as const satisfies ApiModule;
