import { z } from "zod";
import { recordIdField } from "../people";

export const SUBJECT_TYPES = ["student", "teacher", "guardian"] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];

/** Whose data: a student, a teacher, or a guardian (guardians are keyed within their family). */
export const privacySubjectSchema = z.discriminatedUnion(
  "type",
  [
    z.object({ type: z.literal("student"), id: recordIdField }).strict(),
    z.object({ type: z.literal("teacher"), id: recordIdField }).strict(),
    z.object({ type: z.literal("guardian"), id: recordIdField, familyId: recordIdField }).strict(),
  ],
  { errorMap: (issue, ctx) => ({ message: issue.code === "invalid_union_discriminator" ? `must be one of ${SUBJECT_TYPES.join(", ")}` : ctx.defaultError }) },
);
export type PrivacySubject = z.infer<typeof privacySubjectSchema>;

/** POST …/privacy/exports and …/privacy/erasures. */
export const privacyRequestSchema = z.object({ subject: privacySubjectSchema }).strict();
export type PrivacyRequest = z.infer<typeof privacyRequestSchema>;
