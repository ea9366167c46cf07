import { AppError } from "../kernel/errors";
import type { StudioRecord } from "../studios/studio-view";
import type { Actor } from "./actor";
import { loadStudioMember } from "./studio-member";
import { roleMay, type StudioAction } from "./studio-permissions";

/**
 * Loads a studio together with the actor's membership in one read, and decides: not a member
 * (or no such studio) → 404, a member without the permission → 403.
 */
export async function authorizeStudio(actor: Actor, studioId: string, action: StudioAction): Promise<StudioRecord> {
  const { member, studio } = await loadStudioMember(actor, studioId);
  if (!roleMay(member.role, action)) {
    throw new AppError("role.not_allowed", `Your role (${member.role}) may not do this in this studio`);
  }
  return studio;
}
