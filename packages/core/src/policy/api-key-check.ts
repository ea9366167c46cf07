import { AppError } from "../kernel/errors";
import { ApiKeyEntity, type ApiKeyRecord } from "../api-keys/module";
import { tableService } from "../kernel/db/table-service";
import { sameHash } from "../kernel/keys/api-key-token";
import type { Actor } from "./actor";
import { apiKeyRefusal } from "./api-key-scopes";

/** The keys alone: what every request's sign-in check reads an API key with (session-check.ts), so every Lambda carries only this. */
export const apiKeyReadDb = tableService({ apiKey: ApiKeyEntity });

/** How often a key's last use is written: at most once a minute, not once a request. */
const TOUCH_AFTER_MS = 60_000;

/**
 * 401 unless the key read with the request is the one the token names (its secret's hash), not
 * revoked and not expired; then 404 or 403 unless its studio and scopes allow this request
 * (api-key-scopes.ts). Leaves the key's studio and last use on the actor.
 */
export function assertApiKeyOpen(actor: Actor, key: ApiKeyRecord | null, now = Date.now()): void {
  const given = actor.apiKey!;
  if (!key || key.revokedAt || Date.parse(key.expiresOn) <= now || !sameHash(key.secretHash, given.secretHash)) {
    throw new AppError("unauthenticated", "This API key is unknown, revoked or expired");
  }
  const refusal = apiKeyRefusal(key, given.method, given.path);
  if (refusal) throw refusal;
  given.studioId = key.studioId;
  given.lastUsedAt = key.lastUsedAt;
}

/** Records a key's use after a request it was checked for, when the last record is over a minute old. */
export async function touchApiKey(actor: Actor, now = new Date()): Promise<void> {
  const given = actor.apiKey;
  if (!given?.studioId || (given.lastUsedAt && now.getTime() - Date.parse(given.lastUsedAt) < TOUCH_AFTER_MS)) return;
  const stamp = now.toISOString();
  await apiKeyReadDb()
    .entities.apiKey.patch({ keyId: actor.sessionId })
    .set({ lastUsedAt: stamp })
    .where((a, op) => (given.lastUsedAt ? op.eq(a.lastUsedAt, given.lastUsedAt) : op.notExists(a.lastUsedAt)))
    .go()
    .catch(() => undefined);
}
