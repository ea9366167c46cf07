import { jobHandler, studioAreas, type ApiModule } from "../module";

/** The classes module (its operations: routes.ts): courses, class slots, admissions, waitlists and their offers. */
export const classesModule = {
  name: "classes",
  routeKeys: [...studioAreas("courses", "class-slots", "admissions"), "GET /v1/public/studios/{slug}/courses", "ANY /v1/public/class-offers/{proxy+}"],
  jobs: [
    {
      name: "ClassOfferExpiry",
      handler: jobHandler("classes", "expire-class-offers"),
      schedule: "rate(15 minutes)",
      description: "Lapses waitlist offers not claimed by their deadline and offers the seat to the next student waiting (with an email), or frees it",
    },
  ],
} as const satisfies ApiModule;
