import { z } from "../../kernel/schema/openapi-zod";
import { StudentSummarySchema } from "../student-summary-schema";

const optional = z.string().nullable();

/** A band as the API shows it (band-view.ts maps a record to it). */
export const BandSummarySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    email: optional,
    phone: optional,
    address: optional,
    city: optional,
    state: optional,
    postalCode: optional,
    country: optional,
    notes: optional,
    primaryContactId: optional.openapi({ description: "A member (student) of this band" }),
    memberStudentIds: z.array(z.string()),
    createdAt: z.string(),
    updatedAt: z.string(),
    deletedAt: z.string().optional().openapi({ description: "When it was deleted: only in lists with `deleted=true`" }),
  })
  .openapi("BandSummary");

export type BandSummary = z.infer<typeof BandSummarySchema>;

export const BandSchema = BandSummarySchema.extend({ members: z.array(StudentSummarySchema) }).openapi("Band");
export type Band = z.infer<typeof BandSchema>;
