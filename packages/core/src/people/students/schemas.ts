import { z } from "zod";
import { pageQuerySchema } from "../../kernel/pagination/pagination";
import { localDateProblem, PERSON_YEARS } from "../../kernel/fields/calendar-fields";
import { SKILL_LEVELS } from "../student.entity";
import {
  booleanQueryField,
  dateField,
  emailField,
  personNameField,
  phoneField,
  recordIdField,
  searchQueryField,
  specialtiesField,
  text,
} from "../profile-fields";

/** A reference to another record of the studio; "none" is the entity's own "unassigned" marker. */
const reference = recordIdField.refine((id) => id !== "none", "must be a record id");

/** A student's profile (seeds: Student). `null` clears a field on PATCH. */
const studentFields = {
  firstName: personNameField,
  lastName: personNameField,
  email: emailField.nullable(),
  phone: phoneField.nullable(),
  instrument: text(60).nullable(),
  specialties: specialtiesField,
  skillLevel: z.enum(SKILL_LEVELS, { errorMap: () => ({ message: `must be one of ${SKILL_LEVELS.join(", ")}` }) }).nullable(),
  dateOfBirth: dateField.nullable(),
  emergencyContactName: text(120).nullable(),
  emergencyContactPhone: phoneField.nullable(),
  /** Medical and allergy notes: only admins and the student's teacher read them back. */
  medicalNotes: text(4000).nullable(),
  enrollmentDate: dateField,
  /** A listed teacher of the same studio; `null` unassigns. */
  primaryTeacherId: reference.nullable(),
  /** A listed family of the same studio; `null` takes the student out of the family. */
  familyId: reference.nullable(),
  notes: text(4000).nullable(),
  isActive: z.boolean({ invalid_type_error: "must be true or false" }),
};

/** A birth date that is not a date at all is already named once by its field; only a real one can be "in the future". */
const dateOfBirthInPast = ({ dateOfBirth }: { dateOfBirth?: string | null }) =>
  !dateOfBirth || localDateProblem(dateOfBirth, PERSON_YEARS) !== null || dateOfBirth <= new Date().toISOString().slice(0, 10);
const pastDate = { message: "must not be in the future", path: ["dateOfBirth"] };

export const createStudentSchema = z.object(studentFields).partial().required({ firstName: true, lastName: true }).strict().refine(dateOfBirthInPast, pastDate);
export type CreateStudentInput = z.infer<typeof createStudentSchema>;

export const updateStudentSchema = z.object(studentFields).partial().strict().refine(dateOfBirthInPast, pastDate);
export type UpdateStudentInput = z.infer<typeof updateStudentSchema>;

/** Only admins move a student to another teacher or family. */
export const ADMIN_ONLY_STUDENT_FIELDS = ["primaryTeacherId", "familyId"] as const;

export const listStudentsQuerySchema = pageQuerySchema.extend({
  active: booleanQueryField.optional(),
  teacherId: recordIdField.optional(),
  /** Exact instrument, as stored. */
  instrument: text(60).min(1, "must not be empty").optional(),
  /** Name prefix, or email prefix when it contains "@". */
  q: searchQueryField.optional(),
  /** `true`: the soft-deleted records instead, with their `deletedAt` (owners and admins only). */
  deleted: booleanQueryField.optional(),
});
export type ListStudentsQuery = z.infer<typeof listStudentsQuerySchema>;
