import { z } from "../kernel/schema/openapi-zod";

const nullable = z.string().nullable();

/** A studio member as the API shows it (member-view.ts maps a membership and its user to it). */
export const MemberSchema = z
  .object({
    userId: z.string(),
    name: nullable,
    email: nullable,
    role: z.enum(["owner", "admin", "teacher", "student", "parent"]),
    teacherId: nullable,
    studentId: nullable,
    guardianId: nullable,
    familyId: nullable,
    status: z.enum(["active", "deactivated"]),
    deactivatedAt: nullable,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Member");
export type Member = z.infer<typeof MemberSchema>;
