import { z } from "../../kernel/schema/openapi-zod";

const optional = z.string().nullable();

/** A student as a member who may see them sees them; the staff-only fields (staff-only.ts) only for staff who may read them (student-view.ts maps a record to it). */
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
export type Student = z.infer<typeof StudentSchema>;
