import { itemOf, readTogether, type ItemRead, type ReadResults } from "../kernel/db/read-together";
import { db } from "../db";
import { AppError } from "../kernel/errors";
import type { ApiKeyRecord } from "../api-keys/module";
import { apiKeyReadDb, assertApiKeyOpen } from "./api-key-check";
import type { Actor } from "./actor";

/**
 * The access token says who signed in; the session family item says whether that sign-in is
 * still open. Every authenticated request reads it inside the batch it already makes (the
 * membership read, or /me's user read), so logout, a password change and refresh-token reuse
 * end access at once without an extra DynamoDB call.
 */
const checked = new WeakSet<Actor>();

const familyRead = (actor: Actor) => itemOf(db().entities.sessionFamily, { userId: actor.userId, familyId: actor.sessionId });

/**
 * The actor's sign-in, to read together with the request's other items. For an API key it is the
 * key, which only assertSessionOpen looks at (the routes that use a sign-in's own fields, under
 * /v1/me and /v1/auth, refuse keys first).
 */
export const sessionRead = (actor: Actor) =>
  actor.apiKey ? (itemOf(apiKeyReadDb().entities.apiKey, { keyId: actor.sessionId }) as unknown as ReturnType<typeof familyRead>) : familyRead(actor);

interface FamilyState {
  revokedAt?: string;
  expiresAt?: number;
}

/** 401 unless the sign-in is open: not revoked and not past its end (TTL deletes lazily); an API key, api-key-check.ts. */
export function assertSessionOpen(actor: Actor, family: FamilyState | null, now = Date.now()): void {
  if (actor.apiKey) assertApiKeyOpen(actor, family as unknown as ApiKeyRecord | null, now);
  else if (!family || family.revokedAt || (family.expiresAt ?? 0) * 1000 <= now) {
    throw new AppError("unauthenticated", "This sign-in has ended. Sign in again.");
  }
  checked.add(actor);
}

/** Whether this request's actor had their sign-in checked (requireActor asserts it). */
export const sessionWasChecked = (actor: Actor) => checked.has(actor);

/** readTogether() for a signed-in actor: the same one BatchGetItem, with their sign-in checked first. */
export async function readAsActor<const T extends readonly ItemRead<unknown>[]>(actor: Actor, ...reads: T): Promise<ReadResults<T>> {
  const [family, ...records] = await readTogether(sessionRead(actor), ...reads);
  assertSessionOpen(actor, family);
  return records as ReadResults<T>;
}

/** The check on its own (one GetItem), for a route whose use case reads nothing else first. */
export async function checkSession(actor: Actor): Promise<void> {
  await readAsActor(actor);
}
