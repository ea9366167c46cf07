import { z } from "zod";
import { localDateField } from "../kernel/fields/calendar-fields";
import { pageQuerySchema } from "../kernel/pagination/pagination";
import { csvField, dryRunField, MAX_CSV_BYTES, MAX_IMPORT_ROWS } from "../imports";
import { emailField, personNameField, phoneField, recordIdField, requiredText, text } from "../people";
import { SKILL_LEVELS } from "../people/module";
import { LEAD_SOURCES } from "./lead.entity";

const oneOf = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { errorMap: () => ({ message: `must be one of ${values.join(", ")}` }) });
const tagField = text(40)
  .min(1, "must not be empty")
  .regex(/^[^,]+$/, "may not contain commas");
const stageKeyField = z.string().trim().min(1, "is required").max(40, "must be at most 40 characters");

export const MAX_TAGS = 20;
export const MAX_LEAD_NOTES = 200;

/** What staff enter about a lead (seed 004). `null` clears a field on PATCH. */
const leadFields = {
  studentFirstName: personNameField,
  studentLastName: personNameField,
  studentAge: z
    .number({ invalid_type_error: "must be a number" })
    .int("must be a whole number")
    .min(2, "must be at least 2")
    .max(120, "must be at most 120")
    .nullable(),
  instrument: text(60).nullable(),
  level: text(60).nullable(),
  contactName: requiredText(120),
  contactEmail: emailField.nullable(),
  contactPhone: phoneField.nullable(),
  availability: text(500).nullable(),
  message: text(2000).nullable(),
  ownerId: recordIdField.nullable(),
  assignedTeacherId: recordIdField.nullable(),
  tags: z.array(tagField).max(MAX_TAGS, `must have at most ${MAX_TAGS} tags`),
  nextFollowUpOn: localDateField.nullable(),
  walkInOn: localDateField.nullable(),
  trialStart: z.string().datetime({ message: "must be an ISO instant" }).nullable(),
};

/** Staff entry: a lead from the studio's own staff, or a walk-in. */
export const createLeadSchema = z
  .object({ ...leadFields, source: oneOf(["staff", "walk_in"] as const), stage: stageKeyField })
  .partial()
  .required({ studentFirstName: true, studentLastName: true })
  .strict();
export type CreateLeadInput = z.infer<typeof createLeadSchema>;

export const updateLeadSchema = z.object(leadFields).partial().strict();
export type UpdateLeadInput = z.infer<typeof updateLeadSchema>;

export const moveLeadSchema = z.object({ stage: stageKeyField, lostReason: requiredText(300).optional() }).strict();
export type MoveLeadInput = z.infer<typeof moveLeadSchema>;

export const addLeadNoteSchema = z.object({ body: requiredText(2000) }).strict();
export type AddLeadNoteInput = z.infer<typeof addLeadNoteSchema>;

/** A contact attempt: counted, dated, with what happened (optional). */
export const contactAttemptSchema = z.object({ outcome: text(500).optional() }).strict();
export type ContactAttemptInput = z.infer<typeof contactAttemptSchema>;

export const listLeadsQuerySchema = pageQuerySchema.extend({
  stage: stageKeyField.optional(),
  source: oneOf(LEAD_SOURCES).optional(),
  ownerId: recordIdField.optional(),
  tag: tagField.optional(),
});
export type ListLeadsQuery = z.infer<typeof listLeadsQuerySchema>;

export const boardQuerySchema = pageQuerySchema.extend({ limit: pageQuerySchema.shape.limit.default(100) });
export type BoardQuery = z.infer<typeof boardQuerySchema>;

export const createLeadTaskSchema = z.object({ title: requiredText(200), dueOn: localDateField, ownerId: recordIdField.optional() }).strict();
export type CreateLeadTaskInput = z.infer<typeof createLeadTaskSchema>;

export const updateLeadTaskSchema = z
  .object({ title: requiredText(200), dueOn: localDateField, ownerId: recordIdField, status: oneOf(["open", "done"] as const) })
  .partial()
  .strict();
export type UpdateLeadTaskInput = z.infer<typeof updateLeadTaskSchema>;

export const mergeLeadsSchema = z.object({ duplicateId: recordIdField }).strict();
export type MergeLeadsInput = z.infer<typeof mergeLeadsSchema>;

/** Conversion: the family (contact as guardian), the student, and optionally the guardian's invitation. */
export const convertLeadSchema = z
  .object({
    familyName: requiredText(120).optional(),
    guardianFirstName: personNameField.optional(),
    guardianLastName: personNameField.optional(),
    skillLevel: oneOf(SKILL_LEVELS).optional(),
    primaryTeacherId: recordIdField.optional(),
    inviteGuardian: z.boolean({ invalid_type_error: "must be true or false" }).optional(),
  })
  .strict();
export type ConvertLeadInput = z.infer<typeof convertLeadSchema>;

export const funnelQuerySchema = z
  .object({ from: localDateField, to: localDateField })
  .strict()
  .refine((q) => q.from <= q.to, { message: "must be on or after from", path: ["to"] });
export type FunnelQuery = z.infer<typeof funnelQuerySchema>;

/** The studio's stages in board order: the six built-in keys must all be there; custom stages without a key are added. */
export const updateLeadStagesSchema = z
  .object({
    stages: z
      .array(z.object({ key: stageKeyField.optional(), name: requiredText(40) }).strict())
      .min(6, "must list the six built-in stages")
      .max(14, "must have at most 14 stages"),
  })
  .strict();
export type UpdateLeadStagesInput = z.infer<typeof updateLeadStagesSchema>;

/** A leads import: the CSV (the people import's limits) and whether only to check it. */
export const importLeadsSchema = z
  .object({
    csv: csvField.describe(
      `RFC 4180 CSV with a header row, at most ${MAX_CSV_BYTES} bytes (60 KB) and ${MAX_IMPORT_ROWS} data rows; column names match ignoring case and spaces. ` +
        "studentFirstName, studentLastName, contactName (required), contactEmail, contactPhone, instrument, level, age (whole years), " +
        `source (${LEAD_SOURCES.join(", ")}; default import), stage (a stage key or name of the studio; default new; not lost), ` +
        "tags (separated by ;), message (what they asked), notes (a first staff note), assignedTeacher (the email of a teacher of the studio).",
    ),
    dryRun: dryRunField,
  })
  .strict();
export type ImportLeadsInput = z.infer<typeof importLeadsSchema>;

/** One leads CSV row by column (cells are text; empty cells are left out), with the create route's rules. */
export const leadImportRowSchema = z
  .object({
    studentFirstName: leadFields.studentFirstName,
    studentLastName: leadFields.studentLastName,
    contactName: leadFields.contactName,
    contactEmail: emailField.optional(),
    contactPhone: phoneField.optional(),
    instrument: text(60).optional(),
    level: text(60).optional(),
    age: z.string().trim().regex(/^\d+$/, "must be a whole number of years").transform(Number).pipe(leadFields.studentAge).optional(),
    source: z.string().trim().toLowerCase().pipe(oneOf(LEAD_SOURCES)).optional(),
    stage: stageKeyField.optional(),
    tags: z
      .string()
      .transform((cell) => [
        ...new Set(
          cell
            .split(";")
            .map((tag) => tag.trim())
            .filter(Boolean),
        ),
      ])
      .pipe(leadFields.tags)
      .optional(),
    message: text(2000).optional(),
    notes: requiredText(2000).optional(),
    assignedTeacher: emailField.optional(),
  })
  .strict();
export type LeadImportRow = z.infer<typeof leadImportRowSchema>;
