import { z } from "../../kernel/schema/openapi-zod";

const optional = z.string().nullable();

/** A loan as the API shows it (loan-view.ts maps a record to it). */
export const LoanSchema = z
  .object({
    id: z.string(),
    itemId: z.string(),
    itemName: z.string(),
    studentId: z.string(),
    familyId: optional,
    quantity: z.number().int(),
    status: z.enum(["requested", "out", "returned", "declined", "cancelled"]),
    isOverdue: z.boolean().openapi({ description: "Out and past its due date in the studio's time zone" }),
    dueDate: z.string().openapi({ description: "Local date it is (asked to be) due back", example: "2026-03-12" }),
    requestNote: optional,
    requestedAt: optional,
    lentAt: optional,
    lentOn: optional,
    returnedAt: optional,
    returnedOn: optional,
    returnCondition: z.enum(["excellent", "good", "fair", "needs-repair"]).nullable(),
    returnNotes: optional,
    closedAt: optional,
    closeReason: optional,
    depositMinor: z.number().int().nullable(),
    rentalFeeMinor: z.number().int().nullable(),
    depositKeptMinor: z.number().int().nullable(),
    remindersSent: z.array(z.string()),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Loan");
export type Loan = z.infer<typeof LoanSchema>;
