import type { PublicTeacher, Teacher } from "./teacher-schema";
import { photoUrlOf } from "./photo-key";

import type { TeacherRecord } from "../teacher.entity";
export type { TeacherRecord } from "../teacher.entity";

export type { PublicTeacher, Teacher };

export function toTeacher(r: TeacherRecord, options: { showPay: boolean }): Teacher {
  return {
    id: r.teacherId,
    userId: r.userId ?? null,
    firstName: r.firstName,
    lastName: r.lastName,
    email: r.email ?? null,
    phone: r.phone ?? null,
    bio: r.bio ?? null,
    specialties: r.specialties ?? [],
    ...(options.showPay ? { hourlyRateMinor: r.hourlyRateMinor ?? null } : {}),
    isAcceptingStudents: r.isAcceptingStudents !== false,
    bookingBufferMinutes: r.bookingBufferMinutes ?? 0,
    isActive: r.isActive !== false,
    isPublic: r.isPublic === true,
    publicBio: r.publicBio ?? null,
    qualifications: r.qualifications ?? null,
    photoKey: r.photoKey ?? null,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

export const toPublicTeacher = async (r: TeacherRecord): Promise<PublicTeacher> => ({
  id: r.teacherId,
  firstName: r.firstName,
  lastName: r.lastName,
  specialties: r.specialties ?? [],
  publicBio: r.publicBio ?? null,
  qualifications: r.qualifications ?? null,
  photoUrl: await photoUrlOf(r.photoKey),
});
