import { z } from "../kernel/schema/openapi-zod";

const nullable = z.string().nullable();

/** An invitation as the API shows it (invitation-view.ts maps a record to it). */
export const InvitationSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    role: z.enum(["admin", "teacher", "student", "parent"]),
    teacherId: nullable,
    studentId: nullable,
    guardianId: nullable,
    familyId: nullable,
    status: z.enum(["pending", "accepted", "revoked", "expired"]).openapi({ description: "`expired`: pending past validUntil" }),
    validUntil: z.string(),
    sentCount: z.number().int(),
    lastSentAt: nullable,
    acceptedAt: nullable,
    acceptedBy: nullable,
    revokedAt: nullable,
    createdBy: nullable,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Invitation");
export type Invitation = z.infer<typeof InvitationSchema>;
