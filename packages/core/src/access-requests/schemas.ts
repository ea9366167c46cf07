import { z } from "zod";
import { emailSchema } from "../accounts";
import { profileLinksSchema } from "../invitations";
import { pageQuerySchema } from "../kernel/pagination/pagination";
import { ACCESS_REQUEST_STATUSES, REQUESTABLE_ROLES } from "./access-request.entity";

const nameSchema = z.string().trim().min(1, "is required").max(80, "must be at most 80 characters");

export const createAccessRequestSchema = z
  .object({
    email: emailSchema,
    firstName: nameSchema,
    lastName: nameSchema,
    role: z.enum(REQUESTABLE_ROLES),
    message: z.string().trim().max(2000, "must be at most 2000 characters").optional(),
  })
  .strict();
export type CreateAccessRequestInput = z.infer<typeof createAccessRequestSchema>;

export const listAccessRequestsQuerySchema = pageQuerySchema.extend({ status: z.enum(ACCESS_REQUEST_STATUSES).optional() });
export type ListAccessRequestsQuery = z.infer<typeof listAccessRequestsQuerySchema>;

/** Approving sends an invitation: the profile it attaches to, as for invitations (by the request's role). */
export const approveAccessRequestSchema = profileLinksSchema;
export type ApproveAccessRequestInput = z.infer<typeof approveAccessRequestSchema>;

export const rejectAccessRequestSchema = z
  .object({ note: z.string().trim().min(1, "must not be empty").max(1000, "must be at most 1000 characters").optional() })
  .strict();
export type RejectAccessRequestInput = z.infer<typeof rejectAccessRequestSchema>;
