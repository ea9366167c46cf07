import { z } from "@hono/zod-openapi";
import { PublicTeacherSchema, StudentSchema, TeacherSchema } from "@studiosync/core/people";

export { StudentSchema, TeacherSchema };

export const TeacherPageSchema = z.object({ items: z.array(TeacherSchema), nextCursor: z.string().nullable() }).openapi("TeacherPage");

export const PublicTeacherListSchema = z.object({ items: z.array(PublicTeacherSchema) }).openapi("PublicTeacherList");

export const StudentPageSchema = z.object({ items: z.array(StudentSchema), nextCursor: z.string().nullable() }).openapi("StudentPage");
