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
  const { data } = await db()
    .transaction.get(({ membership, studio }) => [
      membership.get({ studioId, userId: actor.userId }).commit(),
      studio.get({ studioId }).commit(),
    ])
    .go();
  const [membership, studio] = [data[0]?.item, data[1]?.item];
  if (!membership || membership.deletedAt || !studio || studio.deletedAt) throw notFound("Studio");
  if (!roleMay(membership.role, action)) {
    throw new AppError("forbidden", `Your role (${membership.role}) may not do this in this studio`);
  }
  return studio;
}
