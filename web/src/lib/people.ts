import type { Workspace } from "./workspace";

/** The People section's lists; teachers see only their own students (no tabs for the rest). */
export type PeopleKind = "students" | "families" | "teachers" | "bands";

const KINDS: readonly [PeopleKind, string][] = [
  ["students", "Students"],
  ["families", "Families"],
  ["teachers", "Teachers"],
  ["bands", "Bands"],
];

/** What one record of each kind is called in sentences ("Delete this family?"). */
export const SINGULAR: Record<PeopleKind, string> = { students: "student", families: "family", teachers: "teacher", bands: "band" };

export const isPeopleKind = (value: string | undefined): value is PeopleKind => KINDS.some(([k]) => k === value);

export const peopleTabs = (ws: Pick<Workspace, "base" | "isAdmin">, current: PeopleKind) =>
  ws.isAdmin ? KINDS.map(([kind, label]) => ({ href: `${ws.base}/people/${kind}`, label, current: kind === current })) : [];

export const personHref = (base: string, kind: PeopleKind, id: string, tab?: string) =>
  `${base}/people/${kind}/${encodeURIComponent(id)}${tab ? `?tab=${encodeURIComponent(tab)}` : ""}`;

export const fullName = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`.trim();

/** The record tabs a page offers, as links (`?tab=`), and the one being shown (unknown → the first). */
export function recordTabs<T extends string>(url: URL, tabs: readonly (readonly [T, string])[]) {
  const asked = url.searchParams.get("tab");
  const current = (tabs.find(([t]) => t === asked) ?? tabs[0]!)[0];
  const link = (tab: T) => `${url.pathname}${tab === tabs[0]![0] ? "" : `?tab=${tab}`}`;
  return { current, links: tabs.map(([tab, label]) => ({ href: link(tab), label, current: tab === current })) };
}

export const SKILL_LEVELS = [
  { value: "", label: "Not set" },
  { value: "beginner", label: "Beginner" },
  { value: "intermediate", label: "Intermediate" },
  { value: "advanced", label: "Advanced" },
  { value: "professional", label: "Professional" },
] as const;

export const RELATIONSHIPS = [
  { value: "parent", label: "Parent" },
  { value: "mother", label: "Mother" },
  { value: "father", label: "Father" },
  { value: "grandparent", label: "Grandparent" },
  { value: "guardian", label: "Guardian" },
  { value: "other", label: "Other" },
] as const;

export const labelOf = (options: readonly { value: string; label: string }[], value: string | null | undefined) =>
  options.find((o) => o.value === value)?.label ?? value ?? "";

/** "Saved" lines for `?saved=` after a POST → redirect → GET. */
export const SAVED_MESSAGES: Record<string, string> = {
  created: "Added.",
  updated: "Your changes are saved.",
  restored: "Restored: back in the lists.",
  invited: "Invitation sent by email.",
  photo: "The photo is updated.",
  "guardian-added": "Guardian added.",
  "guardian-updated": "Guardian updated.",
  "guardian-removed": "Guardian removed.",
  "member-added": "Added to the band.",
  "member-removed": "Taken out of the band.",
  "goal-added": "Goal added.",
  "goal-updated": "Goal updated.",
  "goal-deleted": "Goal deleted.",
  "practice-added": "Practice logged.",
  "practice-deleted": "Practice log deleted.",
  "document-added": "Document added. Only the studio's staff can open it.",
  "document-trashed": "Moved to the trash. You can restore it from the library's trash for 30 days.",
  "address-retried": "We'll email that address again. If it bounces again, it shows up here again.",
};
