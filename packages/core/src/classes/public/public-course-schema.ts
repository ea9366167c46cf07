import { z } from "../../kernel/schema/openapi-zod";

const nullable = z.string().nullable();

/**
 * A group course as the studio's public page shows it (and the workspace's admission choices). In a
 * file of its own so the public Lambda carries this schema and not every class schema.
 */
export const PublicCourseSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    instrument: z.string(),
    description: nullable,
    minAge: z.number().int().nullable(),
    maxAge: z.number().int().nullable(),
    plans: z.array(z.object({ id: z.string(), name: z.string(), classCount: z.number().int(), priceMinor: z.number().int(), validityDays: z.number().int() })),
    currency: z.string(),
    slots: z.array(
      z.object({
        id: z.string(),
        weekday: z.number().int(),
        startTime: z.string(),
        durationMinutes: z.number().int(),
        termStart: z.string(),
        termEnd: z.string(),
        seatsLeft: z.number().int(),
      }),
    ),
  })
  .openapi("PublicCourse");
export type PublicCourse = z.infer<typeof PublicCourseSchema>;
