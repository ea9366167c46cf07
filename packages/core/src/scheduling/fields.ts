import { z } from "zod";

/** Calendar values: one validator per kind, shared by every module (see kernel/fields/calendar-fields.ts). */
export { instantField, localDateField, localTimeField } from "../kernel/fields/calendar-fields";

/** A lesson's length in minutes. */
export const durationMinutesField = z
  .number({ invalid_type_error: "must be a number" })
  .int("must be a whole number")
  .min(5, "must be at least 5")
  .max(480, "must be at most 480");
