import { z } from "../../kernel/schema/openapi-zod";
import { StudentSummarySchema } from "../student-summary-schema";

const optional = z.string().nullable();

/** A family's guardian as the API shows it (family-view.ts maps the records to these). */
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

export type Guardian = z.infer<typeof GuardianSchema>;

/** A family as lists show it. */
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

export type FamilySummary = z.infer<typeof FamilySummarySchema>;

/** A family with its guardians and students, as GET shows it. */
export const FamilySchema = FamilySummarySchema.extend({
  guardians: z.array(GuardianSchema),
  students: z.array(StudentSummarySchema),
}).openapi("Family");
export type Family = z.infer<typeof FamilySchema>;
