import { z } from "@hono/zod-openapi";

const nullable = z.string().nullable();

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

export const MemberPageSchema = z.object({ items: z.array(MemberSchema), nextCursor: nullable }).openapi("MemberPage");
