import type { StudentFacts } from "../../policy";
import { withStaffOnly } from "../staff-only";
import type { StudentRecord } from "../student-summaries";
import type { Student } from "./student-schema";

export type { Student, StudentRecord };

/** What the policy needs to know about a student. */
export const studentFacts = (r: StudentRecord): StudentFacts => ({
  studentId: r.studentId,
  primaryTeacherId: r.primaryTeacherId === "none" ? undefined : r.primaryTeacherId,
  familyId: r.familyId,
});

export function toStudent(r: StudentRecord, options: { staffOnly: boolean }): Student {
  return withStaffOnly(
    "student",
    {
      id: r.studentId,
      userId: r.userId ?? null,
      firstName: r.firstName,
      lastName: r.lastName,
      email: r.email ?? null,
      phone: r.phone ?? null,
      instrument: r.instrument ?? null,
      specialties: r.specialties ?? [],
      skillLevel: r.skillLevel ?? null,
      dateOfBirth: r.dateOfBirth ?? null,
      emergencyContactName: r.emergencyContactName ?? null,
      emergencyContactPhone: r.emergencyContactPhone ?? null,
      medicalNotes: r.medicalNotes ?? null,
      enrollmentDate: r.enrollmentDate ?? null,
      primaryTeacherId: r.primaryTeacherId === "none" ? null : r.primaryTeacherId,
      familyId: r.familyId ?? null,
      notes: r.notes ?? null,
      isActive: r.isActive !== false,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
    },
    options.staffOnly,
  );
}
