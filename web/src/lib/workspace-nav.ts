import type { Role, Workspace } from "./workspace";

/** The workspace's sections. Items a role may not use are absent, not disabled. */
export type Section =
  | "today"
  | "messages"
  | "calendar"
  | "events"
  | "scheduling"
  | "classes"
  | "people"
  | "plans"
  | "library"
  | "rooms"
  | "billing"
  | "inventory"
  | "leads"
  | "requests"
  | "settings"
  | "profile";

/** A teacher's own profile, linked from the person menu (the rail has no "profile" item). */
export const ownProfileHref = (ws: Pick<Workspace, "base" | "teacherId">) =>
  ws.teacherId ? `${ws.base}/people/teachers/${encodeURIComponent(ws.teacherId)}` : undefined;

/** Account settings (name, email, password, devices): everyone's, linked from the person menu. */
export const ACCOUNT_HREF = "/account";

export interface NavItem {
  section: Section;
  label: string;
  href: string;
}

const ADMIN_NAV: readonly [Section, string, string][] = [
  ["today", "Today", ""],
  ["messages", "Messages", "/messages"],
  ["calendar", "Calendar", "/calendar"],
  ["events", "Events", "/events"],
  ["scheduling", "Scheduling", "/scheduling"],
  ["classes", "Classes", "/classes"],
  ["people", "People", "/people"],
  ["leads", "Leads", "/leads"],
  ["plans", "Lesson plans", "/plans"],
  ["library", "Library", "/library"],
  ["billing", "Billing", "/billing"],
  ["inventory", "Inventory", "/inventory"],
  ["requests", "Requests", "/requests"],
  ["settings", "Settings", "/settings"],
];

const TEACHER_NAV: readonly [Section, string, string][] = [
  ["today", "Today", ""],
  ["messages", "Messages", "/messages"],
  ["calendar", "Calendar", "/calendar"],
  ["events", "Events", "/events"],
  ["people", "My students", "/people/students"],
  ["leads", "Leads", "/leads"],
  ["classes", "My classes", "/classes"],
  ["plans", "Lesson plans", "/plans"],
  ["library", "Library", "/library"],
  ["scheduling", "My hours", "/scheduling/hours"],
  ["rooms", "Rooms", "/scheduling/rooms"],
  ["requests", "Requests", "/requests"],
];

const NAV_BY_ROLE: Partial<Record<Role, readonly [Section, string, string][]>> = {
  owner: ADMIN_NAV,
  admin: ADMIN_NAV,
  teacher: TEACHER_NAV,
};

export function navFor(ws: Pick<Workspace, "role" | "base">): NavItem[] {
  return (NAV_BY_ROLE[ws.role] ?? []).map(([section, label, path]) => ({ section, label, href: `${ws.base}${path}` }));
}

/** Whether a role's navigation has the section (a page's server-side check matches its link). */
export const hasSection = (ws: Pick<Workspace, "role" | "base">, section: Section) => navFor(ws).some((n) => n.section === section);
