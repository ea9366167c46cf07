import { z } from "zod";
import { emailField, phoneField, recordIdField, requiredText, text } from "../../people";
import { instantField } from "../../scheduling";

const wholeNumber = (min: number, max: number) =>
  z.number({ invalid_type_error: "must be a number" }).int("must be a whole number").min(min, `must be at least ${min}`).max(max, `must be at most ${max}`);

/** The student a visitor books or enquires for. */
export const prospectSchema = z
  .object({
    firstName: requiredText(80),
    lastName: requiredText(80),
    age: wholeNumber(2, 120).optional(),
    instrument: text(60).optional(),
    level: text(40).optional(),
  })
  .strict();

/** Who the studio answers: a parent, or the student themself. An email is required (the confirmation goes there). */
export const contactSchema = z
  .object({
    name: requiredText(120),
    email: emailField,
    phone: phoneField.optional(),
  })
  .strict();

export const bookTrialSchema = z
  .object({
    teacherId: recordIdField,
    durationMinutes: wholeNumber(10, 240),
    /** One of the teacher page's slots (UTC instant). */
    start: instantField,
    student: prospectSchema,
    contact: contactSchema,
    message: text(2000).optional(),
  })
  .strict();
export type BookTrialInput = z.infer<typeof bookTrialSchema>;

export const enquirySchema = z
  .object({
    student: prospectSchema,
    contact: contactSchema,
    /** When they are free, in their words. */
    availability: text(500).optional(),
    message: text(2000).optional(),
    /** The teacher whose page they wrote from. */
    teacherId: recordIdField.optional(),
  })
  .strict();
export type EnquiryInput = z.infer<typeof enquirySchema>;

export const teacherPageQuerySchema = z.object({
  durationMinutes: z.coerce
    .number({ invalid_type_error: "must be a number" })
    .int("must be a whole number")
    .min(10, "must be at least 10")
    .max(240, "must be at most 240")
    .optional(),
});
