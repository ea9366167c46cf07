import { z } from "@hono/zod-openapi";
import { AccessRequestSchema } from "@studiosync/core/access-requests";
import { InvitationSchema } from "./invitation";

export { AccessRequestSchema };

const nullable = z.string().nullable();

export const AccessRequestPageSchema = z.object({ items: z.array(AccessRequestSchema), nextCursor: nullable }).openapi("AccessRequestPage");

export const ApprovedAccessRequestSchema = z.object({ accessRequest: AccessRequestSchema, invitation: InvitationSchema }).openapi("ApprovedAccessRequest");
