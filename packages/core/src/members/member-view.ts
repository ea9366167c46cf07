import type { EntityItem } from "electrodb";
import type { MembershipEntity } from "../accounts/membership.entity";
import type { UserEntity } from "../accounts/user.entity";
import type { Member } from "./member-schema";

export type MembershipRecord = EntityItem<typeof MembershipEntity>;
export type UserRecord = EntityItem<typeof UserEntity>;
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
