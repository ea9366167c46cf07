import { z } from "zod";
import { pageQuerySchema } from "../../kernel/pagination/pagination";
import { RELATIONSHIPS } from "../guardian.entity";
import { booleanQueryField } from "../profile-fields";

const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
const required = (max: number) => text(max).min(1, "is required");
const email = z.string().trim().toLowerCase().email("must be an email address").max(254, "must be at most 254 characters");
const phone = text(40).regex(/^[+()0-9 .-]*$/, "may contain digits, spaces and + ( ) - . only");

/** A family's contact fields (seeds: Family). `null` clears a field on PATCH. */
const familyFields = {
  billingEmail: email.nullable(),
  phone: phone.nullable(),
  address: text(300).nullable(),
  notes: text(2000).nullable(),
};

/** The primary contact is chosen among existing guardians, so it is set by PATCH, not on create. */
export const createFamilySchema = z
  .object({ name: required(120), ...familyFields })
  .partial({ billingEmail: true, phone: true, address: true, notes: true })
  .strict();
export type CreateFamilyInput = z.infer<typeof createFamilySchema>;

export const updateFamilySchema = z
  .object({
    name: required(120),
    ...familyFields,
    primaryContactId: z.string().min(1).max(64).nullable(),
  })
  .partial()
  .strict();
export type UpdateFamilyInput = z.infer<typeof updateFamilySchema>;

/** What a parent may change of their own family. */
export const PARENT_EDITABLE_FAMILY_FIELDS = new Set(["phone", "address", "billingEmail"]);

export const listFamiliesQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().min(1, "must not be empty").max(100, "must be at most 100 characters").optional(),
  /** `true`: the soft-deleted records instead, with their `deletedAt` (owners and admins only). */
  deleted: booleanQueryField.optional(),
});
export type ListFamiliesQuery = z.infer<typeof listFamiliesQuerySchema>;

const guardianFields = {
  firstName: required(80),
  lastName: required(80),
  email: email.nullable(),
  phone: phone.nullable(),
  address: text(300).nullable(),
  relationship: z.enum(RELATIONSHIPS, { errorMap: () => ({ message: `must be one of ${RELATIONSHIPS.join(", ")}` }) }),
};

export const createGuardianSchema = z.object(guardianFields).partial({ email: true, phone: true, address: true, relationship: true }).strict();
export type CreateGuardianInput = z.infer<typeof createGuardianSchema>;

export const updateGuardianSchema = z.object(guardianFields).partial().strict();
export type UpdateGuardianInput = z.infer<typeof updateGuardianSchema>;
