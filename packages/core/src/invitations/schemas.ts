import { z } from "zod";
import { emailSchema, newPasswordSchema } from "../accounts";
import type { FieldError } from "../kernel/errors";
import { pageQuerySchema } from "../kernel/pagination/pagination";
import { INVITABLE_ROLES, INVITATION_STATUSES } from "./invitation.entity";

export type InvitableRole = (typeof INVITABLE_ROLES)[number];

const idSchema = z.string().trim().min(1, "is required").max(64, "must be at most 64 characters");

/** The profile a member is in the studio; which one depends on the role. */
export const profileLinksSchema = z
  .object({ teacherId: idSchema.optional(), studentId: idSchema.optional(), guardianId: idSchema.optional(), familyId: idSchema.optional() })
  .strict();
export type ProfileLinks = z.infer<typeof profileLinksSchema>;

/** Which profile fields each role needs: a guardian record is keyed by its family, so both are given. */
const REQUIRED_LINKS: Record<InvitableRole, ReadonlyArray<keyof ProfileLinks>> = {
  admin: [],
  teacher: ["teacherId"],
  student: ["studentId"],
  parent: ["guardianId", "familyId"],
};
const ALL_LINKS = ["teacherId", "studentId", "guardianId", "familyId"] as const;

/** Field errors when the links do not fit the role: missing ones it needs, or ones of another role. */
export function profileLinkErrors(role: InvitableRole, links: ProfileLinks): FieldError[] {
  const needed = REQUIRED_LINKS[role];
  return ALL_LINKS.flatMap((field) => {
    if (needed.includes(field) && !links[field]) return [{ path: field, message: `is required for the ${role} role` }];
    if (!needed.includes(field) && links[field]) return [{ path: field, message: `does not apply to the ${role} role` }];
    return [];
  });
}

export const createInvitationSchema = profileLinksSchema
  .extend({ email: emailSchema, role: z.enum(INVITABLE_ROLES) })
  .strict()
  .superRefine((input, ctx) => {
    for (const error of profileLinkErrors(input.role, input)) ctx.addIssue({ code: "custom", path: [error.path], message: error.message });
  });
export type CreateInvitationInput = z.infer<typeof createInvitationSchema>;

export const listInvitationsQuerySchema = pageQuerySchema.extend({ status: z.enum(INVITATION_STATUSES).optional() });
export type ListInvitationsQuery = z.infer<typeof listInvitationsQuerySchema>;

export const invitationTokenSchema = z.string().min(1, "is required").max(2000, "must be at most 2000 characters");

export const acceptInvitationSchema = z
  .object({
    token: invitationTokenSchema,
    /** Only for a new account: the person's name and a password. */
    name: z.string().trim().min(1, "is required").max(120, "must be at most 120 characters").optional(),
    password: newPasswordSchema.optional(),
  })
  .strict();
export type AcceptInvitationInput = z.infer<typeof acceptInvitationSchema>;
