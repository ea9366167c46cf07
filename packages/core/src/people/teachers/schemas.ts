import { z } from "zod";
import { PHOTO_KEY_SHAPE } from "./photo-key";
import { pageQuerySchema } from "../../kernel/pagination/pagination";
import { booleanQueryField, emailField, personNameField, phoneField, searchQueryField, specialtiesField, text } from "../profile-fields";

/** A teacher's profile (seeds: Teacher). `null` clears a field on PATCH. */
const teacherFields = {
  firstName: personNameField,
  lastName: personNameField,
  email: emailField.nullable(),
  phone: phoneField.nullable(),
  bio: text(4000).nullable(),
  specialties: specialtiesField,
  hourlyRateMinor: z
    .number({ invalid_type_error: "must be a number" })
    .int("must be a whole number of minor units (cents)")
    .min(0, "must be at least 0")
    .max(100_000_000, "must be at most 100000000")
    .nullable(),
  isAcceptingStudents: z.boolean({ invalid_type_error: "must be true or false" }),
  bookingBufferMinutes: z
    .number({ invalid_type_error: "must be a number" })
    .int("must be a whole number of minutes")
    .min(0, "must be at least 0")
    .max(240, "must be at most 240"),
  isActive: z.boolean({ invalid_type_error: "must be true or false" }),
  isPublic: z.boolean({ invalid_type_error: "must be true or false" }),
  publicBio: text(2000).nullable(),
  qualifications: text(500).nullable(),
  photoKey: z.string().regex(PHOTO_KEY_SHAPE, "must be a key returned by the photo upload").nullable(),
};

export const createTeacherSchema = z.object(teacherFields).partial().required({ firstName: true, lastName: true }).strict();
export type CreateTeacherInput = z.infer<typeof createTeacherSchema>;

export const updateTeacherSchema = z.object(teacherFields).partial().strict();
export type UpdateTeacherInput = z.infer<typeof updateTeacherSchema>;

/** What a teacher may change of their own profile; names, email, pay and status are the admins'. */
export const TEACHER_SELF_EDITABLE_FIELDS: ReadonlySet<string> = new Set([
  "bio",
  "specialties",
  "phone",
  "isAcceptingStudents",
  "bookingBufferMinutes",
  "isPublic",
  "publicBio",
  "qualifications",
  "photoKey",
]);

export const listTeachersQuerySchema = pageQuerySchema.extend({
  active: booleanQueryField.optional(),
  /** Name prefix, or email prefix when it contains "@". */
  q: searchQueryField.optional(),
  /** `true`: the soft-deleted records instead, with their `deletedAt` (owners and admins only). */
  deleted: booleanQueryField.optional(),
});
export type ListTeachersQuery = z.infer<typeof listTeachersQuerySchema>;
