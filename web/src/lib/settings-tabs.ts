/** The Settings section's tabs (owners and admins): each is its own page under `<base>/settings`. */
export type SettingsTab =
  | "profile"
  | "booking"
  | "members"
  | "invitations"
  | "audit"
  | "imports"
  | "privacy"
  | "emails"
  | "usage"
  | "api-keys"
  | "webhooks"
  | "domains";

/** Tabs only some roles may use: absent for the others, not disabled. */
const OWNERS_ONLY: ReadonlySet<SettingsTab> = new Set(["api-keys", "webhooks", "domains"]);

const TABS: readonly [SettingsTab, string, string][] = [
  ["profile", "Studio profile", ""],
  ["booking", "Public page and trials", "/booking"],
  ["members", "Members", "/members"],
  ["invitations", "Invitations", "/invitations"],
  ["audit", "Audit log", "/audit"],
  ["imports", "Imports", "/imports"],
  ["privacy", "Privacy", "/privacy"],
  ["emails", "Email delivery", "/emails"],
  ["usage", "Usage and billing", "/usage"],
  ["api-keys", "API keys", "/api-keys"],
  ["webhooks", "Webhooks", "/webhooks"],
  ["domains", "Domains", "/domains"],
];

/** The tabs `role` may use (an owners-only tab stays while it is the page being shown). */
export const settingsTabs = (base: string, current: SettingsTab, role: string) =>
  TABS.filter(([tab]) => role === "owner" || tab === current || !OWNERS_ONLY.has(tab)).map(([tab, label, path]) => ({
    href: `${base}/settings${path}`,
    label,
    current: tab === current,
  }));
