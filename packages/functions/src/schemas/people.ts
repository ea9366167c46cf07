import { z } from "@hono/zod-openapi";

const optional = z.string().nullable();

export const TeacherSchema = z
  .object({
    id: z.string(),
    userId: optional.openapi({ description: "The linked user account, once the teacher has joined" }),
    firstName: z.string(),
    lastName: z.string(),
    email: optional,
    phone: optional,
    bio: optional,
    specialties: z.array(z.string()),
    hourlyRateMinor: z
      .number()
      .int()
      .nullable()
      .optional()
      .openapi({ description: "Default rate in the studio currency's minor units; only for admins and the teacher", example: 6000 }),
    isAcceptingStudents: z.boolean(),
    bookingBufferMinutes: z.number().int(),
    isActive: z.boolean(),
    isPublic: z.boolean(),
    publicBio: optional,
    createdAt: z.string(),
    updatedAt: z.string(),
    deletedAt: z.string().optional().openapi({ description: "When it was deleted: only in lists with `deleted=true`" }),
  })
  .openapi("Teacher");

export const TeacherPageSchema = z.object({ items: z.array(TeacherSchema), nextCursor: z.string().nullable() }).openapi("TeacherPage");

export const PublicTeacherSchema = z
  .object({
    id: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    specialties: z.array(z.string()),
    publicBio: optional,
  })
  .openapi("PublicTeacher");

export const PublicTeacherListSchema = z.object({ items: z.array(PublicTeacherSchema) }).openapi("PublicTeacherList");

export const StudentSchema = z
  .object({
    id: z.string(),
    userId: optional,
    firstName: z.string(),
    lastName: z.string(),
    email: optional,
    phone: optional,
    instrument: optional,
    specialties: z.array(z.string()),
    skillLevel: optional.openapi({ example: "intermediate" }),
    dateOfBirth: optional.openapi({ example: "2014-05-01" }),
    emergencyContactName: optional,
    emergencyContactPhone: optional,
    medicalNotes: optional.optional().openapi({ description: "Staff only: admins and the student's teacher" }),
    enrollmentDate: optional.openapi({ example: "2026-09-01" }),
    primaryTeacherId: optional,
    familyId: optional,
    notes: optional.optional().openapi({ description: "Staff only: admins and the student's teacher" }),
    isActive: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
    deletedAt: z.string().optional().openapi({ description: "When it was deleted: only in lists with `deleted=true`" }),
  })
  .openapi("Student");

export const StudentPageSchema = z.object({ items: z.array(StudentSchema), nextCursor: z.string().nullable() }).openapi("StudentPage");
