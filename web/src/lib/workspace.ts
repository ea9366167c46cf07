import type { AstroGlobal } from "astro";
import { asUser } from "./session";
import { studioFormat, type StudioFormat } from "./format";

/**
 * The studio workspace's context, read once per page from `GET /v1/me`: who is signed in, their
 * role in this studio (which decides the navigation and what each page allows), the studio's zone,
 * currency and brand, and their other studios for the switcher.
 */
export type Role = "owner" | "admin" | "teacher" | "student" | "parent";
export const STAFF: readonly Role[] = ["owner", "admin", "teacher"];
export const ADMINS: readonly Role[] = ["owner", "admin"];

export interface WorkspaceStudio {
  id: string;
  name: string;
  slug: string;
  timeZone: string;
  currency: string;
  country: string | null;
  themeColor: string | null;
  /**
   * Set while the studio is paused (its StudioSync invoice unpaid past the grace period, or
   * suspended): every change is refused (403 `studio.paused`) and the workspace says so on every
   * page. Read from the membership when the API gives it there (absent: not known, not shown).
   */
  pausedReason?: PausedReason | null;
}

/** Why a studio is paused (core policy/paused-studio.ts). */
export type PausedReason = "unpaid" | "suspended";

export interface Membership {
  role: Role;
  studio: WorkspaceStudio;
  teacherId: string | null;
  studentId: string | null;
  familyId: string | null;
}

export interface Workspace {
  user: { id: string; name: string; email: string };
  role: Role;
  studio: WorkspaceStudio;
  /** Every studio the user belongs to (the switcher lists the ones with a workspace). */
  memberships: Membership[];
  /** The signed-in teacher's own record, when they teach here. */
  teacherId: string | null;
  isAdmin: boolean;
  format: StudioFormat;
  /** `/dashboard/studios/<id>`: every workspace URL starts here. */
  base: string;
  /** The bell's count: unread entries in the notification centre. */
  unreadNotifications: number;
}

export const workspaceBase = (studioId: string) => `/dashboard/studios/${encodeURIComponent(studioId)}`;

export const isStaff = (role: Role) => STAFF.includes(role);

/** Where a sign-in should come back to: the page asked for, with its query. */
export const loginRedirect = (astro: AstroGlobal) => astro.redirect(`/login?next=${encodeURIComponent(astro.url.pathname + astro.url.search)}`, 303);

/**
 * The signed-in user (one API call: /v1/me) and their membership of `Astro.params.studioId`, or
 * the answer for the page: to /login without a session, 404 for a studio they are not in (never
 * confirming it exists). The workspace and the portal both start here.
 */
export async function loadMembership(astro: AstroGlobal) {
  const studioId = astro.params.studioId ?? "";
  const me = await asUser(astro, (c) => c.v1.me.$get());
  if (!me) return loginRedirect(astro);
  if (!me.ok) throw new Error(`GET /v1/me answered ${me.status}`);
  const memberships = me.data.memberships as Membership[];
  const membership = memberships.find((m) => m.studio.id === studioId);
  if (!membership) return astro.rewrite("/404");
  return { user: me.data.user, memberships, membership, unreadNotifications: me.data.unreadNotifications };
}

/**
 * Loads the workspace for `Astro.params.studioId`, or answers for the page: to /login without a
 * session, 404 for a studio the user is not in (never confirming it exists), 403 for a role the
 * page is not for (students and parents never see staff pages).
 */
export async function loadWorkspace(astro: AstroGlobal, allow: readonly Role[] = STAFF): Promise<Workspace | Response> {
  const member = await loadMembership(astro);
  if (member instanceof Response) return member;
  const { user, memberships, membership, unreadNotifications } = member;
  if (!allow.includes(membership.role)) return astro.rewrite("/403");
  return {
    user,
    role: membership.role,
    studio: membership.studio,
    memberships,
    teacherId: membership.teacherId,
    isAdmin: ADMINS.includes(membership.role),
    format: studioFormat(membership.studio),
    base: workspaceBase(membership.studio.id),
    unreadNotifications,
  };
}
