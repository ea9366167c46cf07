import { jobHandler, studioAreas, type ApiModule } from "../module";

/**
 * The courses module (its operations: routes.ts): courses with their plans, a studio's public
 * courses, and the waitlist offers' signed links (claim, decline) with the job that lapses them.
 * Core module: classes (its slots and admissions are the classes module's Lambda).
 */
export const coursesModule = {
  name: "courses",
  routeKeys: [...studioAreas("courses"), "GET /v1/public/studios/{slug}/courses", "ANY /v1/public/class-offers/{proxy+}"],
  jobs: [
    {
      name: "ClassOfferExpiry",
      handler: jobHandler("courses", "expire-class-offers"),
      schedule: "rate(15 minutes)",
      description: "Lapses waitlist offers not claimed by their deadline and offers the seat to the next student waiting (with an email), or frees it",
    },
  ],
} as const satisfies ApiModule;
