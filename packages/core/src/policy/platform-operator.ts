import { itemOf, type ItemRead, type ReadResults } from "../kernel/db/read-together";
import { db } from "../db";
import { AppError } from "../kernel/errors";
import type { Actor } from "./actor";
import { readAsActor } from "./session-check";

/** The platform's own people: not members of any studio (accounts/user.entity.ts `platformRole`). */
export interface PlatformOperator {
  userId: string;
  email: string;
  name: string;
}

export const operatorsOnly = () => new AppError("platform.operators_only", "Only StudioSync's platform operators may use this");

/**
 * The actor as one of the platform's operators, with the records a use case needs: their user item
 * (its `platformRole`, set only by `npm run operator`) is read in the same BatchGetItem as their
 * sign-in, so the check costs no call of its own. Anyone else signed in: 403
 * `platform.operators_only`. An API key is never an operator: its check refuses every path outside
 * its studio's (policy/api-key-scopes.ts), and this refuses it again.
 */
export async function loadOperatorWith<const T extends readonly ItemRead<unknown>[]>(
  actor: Actor,
  ...reads: T
): Promise<{ operator: PlatformOperator; records: ReadResults<T> }> {
  const [user, ...records] = await readAsActor(actor, itemOf(db().entities.user, { userId: actor.userId }), ...reads);
  if (actor.apiKey || !user || user.platformRole !== "operator") throw operatorsOnly();
  return { operator: { userId: user.userId, email: user.email, name: user.name }, records: records as ReadResults<T> };
}
