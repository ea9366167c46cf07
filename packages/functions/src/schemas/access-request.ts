import { z } from "@hono/zod-openapi";
import { InvitationSchema } from "./invitation";

const nullable = z.string().nullable();

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

export const AccessRequestPageSchema = z.object({ items: z.array(AccessRequestSchema), nextCursor: nullable }).openapi("AccessRequestPage");

export const ApprovedAccessRequestSchema = z.object({ accessRequest: AccessRequestSchema, invitation: InvitationSchema }).openapi("ApprovedAccessRequest");
