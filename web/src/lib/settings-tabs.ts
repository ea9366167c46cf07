/** The Settings section's tabs (owners and admins): each is its own page under `<base>/settings`. */
export type SettingsTab = "profile" | "booking" | "members" | "invitations" | "audit" | "imports" | "privacy" | "emails";

const TABS: readonly [SettingsTab, string, string][] = [
  ["profile", "Studio profile", ""],
  ["booking", "Public page and trials", "/booking"],
  ["members", "Members", "/members"],
  ["invitations", "Invitations", "/invitations"],
  ["audit", "Audit log", "/audit"],
  ["imports", "Imports", "/imports"],
  ["privacy", "Privacy", "/privacy"],
  ["emails", "Email delivery", "/emails"],
];

export const settingsTabs = (base: string, current: SettingsTab) =>
  TABS.map(([tab, label, path]) => ({ href: `${base}/settings${path}`, label, current: tab === current }));
