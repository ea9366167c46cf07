import { z } from "@hono/zod-openapi";
import { StudentSummarySchema } from "./families";

const optional = z.string().nullable();

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

export const BandSchema = BandSummarySchema.extend({ members: z.array(StudentSummarySchema) }).openapi("Band");

export const BandPageSchema = z
  .object({ items: z.array(BandSummarySchema), nextCursor: optional.openapi({ description: "Pass as `cursor` for the next page" }) })
  .openapi("BandPage");
