import { z } from "@hono/zod-openapi";

const optional = z.string().nullable();

export const StudentSummarySchema = z
  .object({ id: z.string(), firstName: z.string(), lastName: z.string(), instrument: optional, isActive: z.boolean() })
  .openapi("StudentSummary");

export const GuardianSchema = z
  .object({
    id: z.string(),
    familyId: z.string(),
    userId: optional.openapi({ description: "The parent account linked to this guardian, if any" }),
    firstName: z.string(),
    lastName: z.string(),
    email: optional,
    phone: optional,
    address: optional,
    relationship: z.enum(["mother", "father", "parent", "grandparent", "guardian", "other"]),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Guardian");

export const FamilySummarySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    billingEmail: optional,
    phone: optional,
    address: optional,
    notes: optional.optional().openapi({ description: "Staff only: admins and teachers" }),
    primaryContactId: optional.openapi({ description: "A guardian of this family" }),
    studentIds: z.array(z.string()),
    createdAt: z.string(),
    updatedAt: z.string(),
    deletedAt: z.string().optional().openapi({ description: "When it was deleted: only in lists with `deleted=true`" }),
  })
  .openapi("FamilySummary");

export const FamilySchema = FamilySummarySchema.extend({
  guardians: z.array(GuardianSchema),
  students: z.array(StudentSummarySchema),
}).openapi("Family");

export const FamilyPageSchema = z
  .object({ items: z.array(FamilySummarySchema), nextCursor: optional.openapi({ description: "Pass as `cursor` for the next page" }) })
  .openapi("FamilyPage");

export const GuardianListSchema = z.object({ items: z.array(GuardianSchema) }).openapi("GuardianList");
