import type { Member } from "./member-schema";

import type { MembershipRecord, UserRecord } from "../accounts/module";
export type { MembershipRecord } from "../accounts/module";
export type { UserRecord } from "../accounts/module";
export type { Member };

export function toMember(m: MembershipRecord, user: Pick<UserRecord, "name" | "email"> | null | undefined): Member {
  return {
    userId: m.userId,
    name: user?.name ?? null,
    email: user?.email ?? null,
    role: m.role,
    teacherId: m.teacherId ?? null,
    studentId: m.studentId ?? null,
    guardianId: m.guardianId ?? null,
    familyId: m.familyId ?? null,
    status: m.deactivatedAt ? ("deactivated" as const) : ("active" as const),
    deactivatedAt: m.deactivatedAt ?? null,
    createdAt: m.createdAt,
    updatedAt: m.updatedAt,
  };
}
