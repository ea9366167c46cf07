import { z } from "zod";

/** zod fields shared by the teacher and student profiles. `null` clears a field on PATCH. */
export const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
export const requiredText = (max: number) => text(max).min(1, "is required");
export const personNameField = requiredText(80);
export const emailField = z.string().trim().toLowerCase().email("must be an email address").max(254, "must be at most 254 characters");
export const phoneField = text(40).regex(/^[+()0-9 .-]*$/, "may contain digits, spaces and + ( ) - . only");
export const specialtiesField = z
  .array(requiredText(60), { invalid_type_error: "must be a list of strings" })
  .max(20, "must have at most 20 entries")
  .transform((items) => [...new Set(items)]);
/** A record id in a path or a reference field. */
export const recordIdField = z.string().trim().min(1, "is required").max(64, "must be at most 64 characters");

/** A calendar date in a person's life "YYYY-MM-DD" that exists (no 2025-02-30), years 1900–2100. */
export { personDateField as dateField } from "../kernel/fields/calendar-fields";

/** `?active=true|false` */
export const booleanQueryField = z.enum(["true", "false"], { errorMap: () => ({ message: "must be true or false" }) }).transform((value) => value === "true");
export const searchQueryField = text(100).min(1, "must not be empty");

/** Today's date in the studio's time zone, "YYYY-MM-DD". */
export const todayIn = (timeZone: string) =>
  new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
