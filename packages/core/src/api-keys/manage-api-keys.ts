import { recordAudit } from "../audit";
import { commitWrites, failsWith } from "../kernel/db/commit-writes";
import { conflict, notFound } from "../kernel/errors";
import type { PageQuery } from "../kernel/pagination/pagination";
import { page } from "../kernel/pagination/pagination";
import { itemOf } from "../kernel/db/read-together";
import { assertMay, loadMemberWith, loadStudioMember, type Actor } from "../policy";
import { apiKeysDb } from "./api-keys-db";
import type { ApiKeyRecord } from "./api-key.entity";
import { hashSecret, newApiKeyToken } from "../kernel/keys/api-key-token";
import { toApiKey, type ApiKeyView } from "./api-key-view";
import type { CreateApiKeyInput } from "./schemas";

/** What the audit log keeps of a key: never its hash. */
const audited = ({ secretHash: _hash, ...rest }: ApiKeyRecord) => rest;

/**
 * A new API key (owners): its token is in this answer only; the key keeps the secret's hash. The
 * key and its audit event are one write.
 */
export async function createApiKey(actor: Actor, studioId: string, input: CreateApiKeyInput, now = new Date()): Promise<ApiKeyView & { token: string }> {
  const { member } = await loadStudioMember(actor, studioId);
  assertMay(member, "api-key.manage");
  const { keyId, secret, token } = newApiKeyToken();
  const at = now.toISOString();
  const key: ApiKeyRecord = {
    keyId,
    studioId,
    name: input.name,
    secretHash: hashSecret(secret),
    scopes: input.scopes,
    expiresOn: new Date(now.getTime() + input.expiresInDays * 86_400_000).toISOString(),
    createdBy: actor.userId,
    createdAt: at,
    updatedAt: at,
  };
  await commitWrites(apiKeysDb, (tx) => [
    tx.apiKey.create(key).commit(),
    recordAudit(tx, { studioId, actorId: actor.userId, action: "api_key.created", entityType: "api_key", entityId: keyId, after: audited(key) }),
  ]);
  return { ...toApiKey(key, now), token };
}

/** The studio's keys, newest first (owners): active, expired and revoked. */
export async function listApiKeys(actor: Actor, studioId: string, query: PageQuery, now = new Date()) {
  const { member } = await loadStudioMember(actor, studioId);
  assertMay(member, "api-key.manage");
  const keys = await page(
    { studioId, list: "api-keys" },
    (options) =>
      apiKeysDb()
        .entities.apiKey.query.studioKeys({ studioId })
        .go({ ...options, order: "desc", pages: 1 }),
    query,
  );
  return { items: keys.items.map((key) => toApiKey(key, now)), nextCursor: keys.nextCursor };
}

/** Revokes a key (owners): it stops working at once (every request reads it). Revoking it again is a 409. The member and the key are one read. */
export async function revokeApiKey(actor: Actor, studioId: string, keyId: string, now = new Date()): Promise<ApiKeyView> {
  const { member, records } = await loadMemberWith(actor, studioId, itemOf(apiKeysDb().entities.apiKey, { keyId }));
  assertMay(member, "api-key.manage");
  const [key] = records;
  if (!key || key.studioId !== studioId) throw notFound("API key");
  if (key.revokedAt) throw conflict("api_key.revoked", "This API key is already revoked");
  const revoked = { ...key, revokedAt: now.toISOString(), revokedBy: actor.userId };
  await commitWrites(apiKeysDb, (tx) => [
    failsWith(
      tx.apiKey
        .patch({ keyId })
        .set({ revokedAt: revoked.revokedAt, revokedBy: actor.userId })
        .where((a, op) => op.notExists(a.revokedAt))
        .commit(),
      () => conflict("api_key.revoked", "This API key is already revoked"),
    ),
    recordAudit(tx, {
      studioId,
      actorId: actor.userId,
      action: "api_key.revoked",
      entityType: "api_key",
      entityId: keyId,
      before: audited(key),
      after: audited(revoked),
    }),
  ]);
  return toApiKey(revoked, now);
}
