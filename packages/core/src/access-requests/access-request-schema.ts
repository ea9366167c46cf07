import { z } from "../kernel/schema/openapi-zod";

const nullable = z.string().nullable();

/** A request to join a studio as the API shows it (access-request-view.ts maps a record to it). */
export const AccessRequestSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    role: z.enum(["teacher", "student", "parent"]),
    message: nullable,
    status: z.enum(["pending", "approved", "rejected"]),
    reviewedBy: nullable,
    reviewedAt: nullable,
    reviewNote: nullable,
    invitationId: nullable.openapi({ description: "The invitation an approval sent" }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("AccessRequest");
export type AccessRequest = z.infer<typeof AccessRequestSchema>;
