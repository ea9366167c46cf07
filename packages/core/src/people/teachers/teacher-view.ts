import type { EntityItem } from "electrodb";
import type { TeacherEntity } from "../teacher.entity";

export type TeacherRecord = EntityItem<typeof TeacherEntity>;

/** A teacher as the studio's members see it; `hourlyRateMinor` only for admins and the teacher. */
export interface Teacher {
  id: string;
  userId: string | null;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  bio: string | null;
  specialties: string[];
  hourlyRateMinor?: number | null;
  isAcceptingStudents: boolean;
  bookingBufferMinutes: number;
  isActive: boolean;
  isPublic: boolean;
  publicBio: string | null;
  createdAt: string;
  updatedAt: string;
}

/** What the studio's public page shows of a public, active teacher. */
export interface PublicTeacher {
  id: string;
  firstName: string;
  lastName: string;
  specialties: string[];
  publicBio: string | null;
}

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
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

export const toPublicTeacher = (r: TeacherRecord): PublicTeacher => ({
  id: r.teacherId,
  firstName: r.firstName,
  lastName: r.lastName,
  specialties: r.specialties ?? [],
  publicBio: r.publicBio ?? null,
});
