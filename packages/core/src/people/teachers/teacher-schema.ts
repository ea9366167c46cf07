import { z } from "../../kernel/schema/openapi-zod";

const optional = z.string().nullable();

/** A teacher as the studio's members see it; `hourlyRateMinor` only for admins and the teacher (teacher-view.ts maps a record to it). */
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
    qualifications: optional,
    photoKey: optional.openapi({ description: "The stored photo, as the photo upload returned it" }),
    createdAt: z.string(),
    updatedAt: z.string(),
    deletedAt: z.string().optional().openapi({ description: "When it was deleted: only in lists with `deleted=true`" }),
  })
  .openapi("Teacher");

export type Teacher = z.infer<typeof TeacherSchema>;

/** What the studio's public page shows of a public, active teacher. */
export const PublicTeacherSchema = z
  .object({
    id: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    specialties: z.array(z.string()),
    publicBio: optional,
    qualifications: optional,
    photoUrl: optional.openapi({ description: "A short-lived address of their photo" }),
  })
  .openapi("PublicTeacher");
export type PublicTeacher = z.infer<typeof PublicTeacherSchema>;
