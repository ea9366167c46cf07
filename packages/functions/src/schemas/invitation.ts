import { z } from "@hono/zod-openapi";
import { InvitationSchema } from "@studiosync/core/invitations";
import { SessionSchema } from "./account";

export { InvitationSchema };

const nullable = z.string().nullable();

export const InvitationPageSchema = z.object({ items: z.array(InvitationSchema), nextCursor: nullable }).openapi("InvitationPage");

export const InvitationPreviewSchema = z
  .object({
    studio: z.object({ name: z.string(), slug: z.string() }),
    role: z.enum(["admin", "teacher", "student", "parent"]),
    email: z.string(),
    expired: z.boolean(),
    validUntil: z.string(),
    accountExists: z.boolean().openapi({ description: "Accepting adds the studio to this existing login" }),
  })
  .openapi("InvitationPreview");

export const AcceptedInvitationSchema = z
  .object({
    userId: z.string(),
    email: z.string(),
    role: z.enum(["admin", "teacher", "student", "parent"]),
    studio: z.object({ id: z.string(), name: z.string(), slug: z.string() }),
    newAccount: z.boolean(),
    session: SessionSchema.nullable().openapi({ description: "A new account is signed in; an existing one signs in as usual" }),
  })
  .openapi("AcceptedInvitation");
