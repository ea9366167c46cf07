import { z } from "zod";
import { pageQuerySchema } from "../../kernel/pagination/pagination";
import { booleanQueryField } from "../profile-fields";

const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);

/** A band's contact fields (seeds: Band). `null` clears a field on PATCH. */
const bandFields = {
  email: z.string().trim().toLowerCase().email("must be an email address").max(254, "must be at most 254 characters").nullable(),
  phone: text(40)
    .regex(/^[+()0-9 .-]*$/, "may contain digits, spaces and + ( ) - . only")
    .nullable(),
  address: text(300).nullable(),
  city: text(100).nullable(),
  state: text(100).nullable(),
  postalCode: text(20).nullable(),
  country: text(100).nullable(),
  notes: text(2000).nullable(),
};
const name = text(120).min(1, "is required");

/** Members are added one by one (PUT …/members/{studentId}), so the primary contact is set by PATCH. */
export const createBandSchema = z
  .object({ name, ...bandFields })
  .partial({ email: true, phone: true, address: true, city: true, state: true, postalCode: true, country: true, notes: true })
  .strict();
export type CreateBandInput = z.infer<typeof createBandSchema>;

export const updateBandSchema = z
  .object({ name, ...bandFields, primaryContactId: z.string().trim().min(1, "is required").max(64).nullable() })
  .partial()
  .strict();
export type UpdateBandInput = z.infer<typeof updateBandSchema>;

export const listBandsQuerySchema = pageQuerySchema.extend({
  q: text(100).min(1, "must not be empty").optional(),
  /** `true`: the soft-deleted records instead, with their `deletedAt` (owners and admins only). */
  deleted: booleanQueryField.optional(),
});
export type ListBandsQuery = z.infer<typeof listBandsQuerySchema>;
