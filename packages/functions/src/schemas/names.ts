import { z } from "@hono/zod-openapi";

/** The names of the students, teachers and bands a response mentions, by id (no read per row). */
export const RecordNamesSchema = z
  .object({
    students: z.record(z.string()).openapi({ description: "Student id → full name" }),
    teachers: z.record(z.string()).openapi({ description: "Teacher id → full name" }),
    bands: z.record(z.string()).openapi({ description: "Band id → name" }),
  })
  .openapi("RecordNames");
