import { Accounts } from "@studiosync/core";
import { db } from "@studiosync/core/db";
import { api, signUpBody, type ownerWithStudio } from "./api";

type Owner = Awaited<ReturnType<typeof ownerWithStudio>>;
export type MemberRole = "owner" | "admin" | "teacher" | "student" | "parent";

/** The profile records a member is in the studio (see membership.entity.ts). */
export interface ProfileLinks {
  teacherId?: string;
  studentId?: string;
  guardianId?: string;
  familyId?: string;
}

export interface Member {
  userId: string;
  email: string;
  password: string;
  accessToken: string;
  refreshToken: string;
  /** The studio their own sign-up created (they own it). */
  ownStudioId: string;
}

/**
 * A second person in the owner's studio with `role` (and profile links), signed in. Created
 * directly through core — a verified user (createAccount also gives them a studio of their own, which
 * does not matter here) plus a membership — so tests do not depend on the invitation flow.
 */
export async function memberWithRole(owner: Owner, role: MemberRole, links: ProfileLinks = {}): Promise<Member> {
  const body = signUpBody({ name: `Test ${role}` });
  const email = body.email.toLowerCase();
  const account = await Accounts.createAccount(Accounts.signUpSchema.parse(body), { emailVerified: true });
  if (!account) throw new Error(`${email} already has an account`);
  const { user } = account;
  await db()
    .entities.membership.create({
      studioId: owner.studio.id,
      userId: user.id,
      role,
      ...links,
      createdBy: owner.userId,
      updatedBy: owner.userId,
    })
    .go();
  const login = await api("POST", "/v1/auth/login", { body: { email, password: body.password } });
  if (login.status !== 200) throw new Error(`login failed: ${JSON.stringify(login.body)}`);
  return {
    userId: user.id,
    email,
    password: body.password,
    accessToken: login.body.accessToken as string,
    refreshToken: login.body.refreshToken as string,
    ownStudioId: account.studio.id,
  };
}
