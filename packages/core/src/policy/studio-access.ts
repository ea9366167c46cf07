import { itemOf, readTogether } from "../db/read-together";
import { db } from "../db/service";
import { AppError, notFound } from "../errors";
import type { StudioRecord } from "../studios/studio-view";
import type { Actor } from "./actor";
import { roleMay, type StudioAction } from "./studio-permissions";

/**
 * Loads a studio together with the actor's membership in one read, and decides: not a member
 * (or no such studio) → 404, a member without the permission → 403.
 */
export async function authorizeStudio(actor: Actor, studioId: string, action: StudioAction): Promise<StudioRecord> {
  const { membership: memberships, studio: studios } = db().entities;
  const [membership, studio] = await readTogether(
    itemOf(memberships, { studioId, userId: actor.userId }),
    itemOf(studios, { studioId }),
  );
  if (!membership || membership.deletedAt || !studio || studio.deletedAt) throw notFound("Studio");
  if (!roleMay(membership.role, action)) {
    throw new AppError("forbidden", `Your role (${membership.role}) may not do this in this studio`);
  }
  return studio;
}
