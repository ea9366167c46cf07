import { toStudentSummary, type StudentRecord } from "../student-summaries";
import type { Family, FamilySummary, Guardian } from "./family-schema";

import type { FamilyRecord } from "../family.entity";
export type { FamilyRecord } from "../family.entity";
import type { GuardianRecord } from "../guardian.entity";
export type { GuardianRecord } from "../guardian.entity";

export type { Family, FamilySummary, Guardian };

export const toGuardian = (r: GuardianRecord): Guardian => ({
  id: r.guardianId,
  familyId: r.familyId,
  userId: r.userId ?? null,
  firstName: r.firstName,
  lastName: r.lastName,
  email: r.email ?? null,
  phone: r.phone ?? null,
  address: r.address ?? null,
  relationship: r.relationship,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

export const toFamilySummary = (r: FamilyRecord): FamilySummary => ({
  id: r.familyId,
  name: r.name,
  billingEmail: r.billingEmail ?? null,
  phone: r.phone ?? null,
  address: r.address ?? null,
  notes: r.notes ?? null,
  primaryContactId: r.primaryContactId ?? null,
  studentIds: [...(r.studentIds ?? [])].sort(),
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

export const toFamily = (r: FamilyRecord, guardians: GuardianRecord[], students: StudentRecord[]): Family => ({
  ...toFamilySummary(r),
  guardians: guardians.filter((g) => !g.deletedAt).map(toGuardian),
  students: students.map(toStudentSummary),
});

/** The fields an audit event compares (no keys or bookkeeping). */
export function auditableFamily(r: FamilyRecord | undefined): Record<string, unknown> | undefined {
  if (!r) return undefined;
  const { createdAt: _c, updatedAt: _u, ...fields } = toFamilySummary(r);
  return { ...fields, deletedAt: r.deletedAt ?? null };
}

export function auditableGuardian(r: GuardianRecord | undefined): Record<string, unknown> | undefined {
  if (!r) return undefined;
  const { createdAt: _c, updatedAt: _u, ...fields } = toGuardian(r);
  return { ...fields, deletedAt: r.deletedAt ?? null };
}
