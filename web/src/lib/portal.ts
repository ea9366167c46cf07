import type { AstroGlobal } from "astro";
import { asUser } from "./session";
import { studioFormat, type StudioFormat } from "./format";
import { INVOICE_STATUS, type InvoiceStatus } from "./billing";
import { STATUS_LABELS } from "./invoice-format";
import { isStaff, loadMembership, loginRedirect, workspaceBase, type Membership, type WorkspaceStudio } from "./workspace";

/**
 * The portal of a studio's students and parents, read once per page from `GET /v1/me`: who is
 * signed in, as which family member, in which studio (its zone, currency and brand). Staff who
 * open a portal address are sent to their workspace; another studio is a 404.
 */
export type FamilyRole = "student" | "parent";

export interface Portal {
  user: { id: string; name: string; email: string };
  role: FamilyRole;
  studio: WorkspaceStudio;
  memberships: Membership[];
  /** A parent's family; a student's own record. */
  familyId: string | null;
  studentId: string | null;
  format: StudioFormat;
  /** `/portal/studios/<id>`: every portal URL of this studio starts here. */
  base: string;
  /** The bell's count: unread entries in the notification centre. */
  unreadNotifications: number;
}

/** The household a portal shows: a parent's family and children, or an adult student themself. */
export interface Household {
  kind: "family" | "student";
  id: string | null;
  name: string;
  students: { id: string; firstName: string; lastName: string }[];
}

export const portalBase = (studioId: string) => `/portal/studios/${encodeURIComponent(studioId)}`;
export const isFamilyRole = (role: string): role is FamilyRole => role === "student" || role === "parent";

/** `/portal`, or `/dashboard` for someone who also works in a studio (it lists both). */
export const familyMemberships = (memberships: Membership[]) => memberships.filter((m) => isFamilyRole(m.role));

export async function loadPortal(astro: AstroGlobal): Promise<Portal | Response> {
  const member = await loadMembership(astro);
  if (member instanceof Response) return member;
  const { user, memberships, membership, unreadNotifications } = member;
  if (isStaff(membership.role)) return astro.redirect(workspaceBase(membership.studio.id), 303);
  return {
    user,
    role: membership.role as FamilyRole,
    studio: membership.studio,
    memberships,
    familyId: membership.familyId,
    studentId: membership.studentId,
    format: studioFormat(membership.studio),
    base: portalBase(membership.studio.id),
    unreadNotifications,
  };
}

const person = (s: { id: string; firstName: string; lastName: string }) => ({ id: s.id, firstName: s.firstName, lastName: s.lastName });

/** The household for the portal's header (one API call): the parent's family with its children, or the student. */
export async function loadHousehold(astro: AstroGlobal, portal: Portal): Promise<Household | Response> {
  const studioId = portal.studio.id;
  if (portal.role === "parent") {
    const familyId = portal.familyId;
    if (!familyId) return { kind: "family", id: null, name: "", students: [] };
    const family = await asUser(astro, (c) => c.v1.studios[":studioId"].families[":familyId"].$get({ param: { studioId, familyId } }));
    if (!family) return loginRedirect(astro);
    if (!family.ok) {
      if (family.status >= 500) throw new Error(`GET family answered ${family.status}`);
      return { kind: "family", id: null, name: "", students: [] };
    }
    const students = family.data.students.map(person).sort((a, b) => a.firstName.localeCompare(b.firstName));
    return { kind: "family", id: family.data.id, name: family.data.name, students };
  }
  const studentId = portal.studentId;
  if (!studentId) return { kind: "student", id: null, name: "", students: [] };
  const student = await asUser(astro, (c) => c.v1.studios[":studioId"].students[":studentId"].$get({ param: { studioId, studentId } }));
  if (!student) return loginRedirect(astro);
  if (!student.ok) {
    if (student.status >= 500) throw new Error(`GET student answered ${student.status}`);
    return { kind: "student", id: null, name: "", students: [] };
  }
  return { kind: "student", id: student.data.id, name: `${student.data.firstName} ${student.data.lastName}`, students: [person(student.data)] };
}

/**
 * The child a page is about, from `?student=`: one of the household's (an unknown id is a 404,
 * so nobody learns whose it is). `required`: a page about one child (practice) falls back to the
 * first; otherwise null means the whole household.
 */
export async function chosenChild(astro: AstroGlobal, household: Household, required = false): Promise<Household["students"][number] | null | Response> {
  const asked = astro.url.searchParams.get("student");
  if (asked) return household.students.find((s) => s.id === asked) ?? astro.rewrite("/404");
  return required || household.students.length === 1 ? (household.students[0] ?? null) : null;
}

export const fullName = (s: { firstName: string; lastName: string }) => `${s.firstName} ${s.lastName}`.trim();

/** A portal address keeping the chosen child (`?student=`) when there is one. */
export function portalHref(portal: Pick<Portal, "base">, path: string, child?: { id: string } | null, extra: Record<string, string> = {}): string {
  const query = new URLSearchParams({ ...(child ? { student: child.id } : {}), ...extra }).toString();
  return `${portal.base}${path}${query ? `?${query}` : ""}`;
}

export type PortalSection = "home" | "messages" | "calendar" | "events" | "invoices" | "practice" | "materials" | "rooms" | "loans";

/** An invoice's status as a family reads it ("Due", "Partly paid"), toned as the workspace tones it. */
export const familyInvoiceBadge = (status: string) => ({
  label: STATUS_LABELS[status] ?? INVOICE_STATUS[status as InvoiceStatus]?.label ?? status,
  tone: INVOICE_STATUS[status as InvoiceStatus]?.tone ?? "neutral",
});
