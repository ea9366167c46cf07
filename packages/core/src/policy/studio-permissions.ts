import type { Role } from "../accounts/membership.entity";

/**
 * What each role may do to a studio as a whole. One table, so "who can change branding?" has a
 * single answer; record-level rules (own students, own children) come with the people module.
 */
export const STUDIO_ACTIONS = ["studio.read", "studio.update", "studio.branding.upload"] as const;
export type StudioAction = (typeof STUDIO_ACTIONS)[number];

const PERMISSIONS: Record<Role, ReadonlySet<StudioAction>> = {
  owner: new Set(STUDIO_ACTIONS),
  admin: new Set(STUDIO_ACTIONS),
  teacher: new Set(["studio.read"]),
  student: new Set(["studio.read"]),
  parent: new Set(["studio.read"]),
};

export function roleMay(role: Role, action: StudioAction): boolean {
  return PERMISSIONS[role].has(action);
}
