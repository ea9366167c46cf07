import { z } from "zod";
import { dateField } from "../people/profile-fields";

/** An instant in ISO 8601 with an offset ("2026-11-23T16:00:00-05:00" or "…Z"), normalised to UTC ISO. */
export const instantField = z
  .string()
  .max(40, "must be at most 40 characters")
  .refine((value) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(value) && !Number.isNaN(Date.parse(value)), {
    message: "must be an ISO 8601 date-time with a time zone offset, e.g. 2026-11-23T16:00:00Z",
  })
  .transform((value) => new Date(value).toISOString());

/** A local date "YYYY-MM-DD" in the studio's time zone. */
export const localDateField = dateField;

/** A local time "HH:MM" (24 h) in the studio's time zone. */
export const localTimeField = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be a time HH:MM (00:00–23:59)");

/** A lesson's length in minutes. */
export const durationMinutesField = z
  .number({ invalid_type_error: "must be a number" })
  .int("must be a whole number")
  .min(5, "must be at least 5")
  .max(480, "must be at most 480");
