import { createHash, randomBytes } from "node:crypto";
import { v7 as uuidv7 } from "uuid";
import { db, type WriteTx } from "../db";
import { ACCESS_TOKEN_SECONDS, issueAccessToken } from "./access-token";

/** A sign-in lasts at most this long; each refresh rotates the token but does not extend it. */
export const SESSION_SECONDS = 30 * 24 * 60 * 60;

export const hashRefreshToken = (token: string) => createHash("sha256").update(token).digest("base64url");

export interface SessionTokens {
  accessToken: string;
  tokenType: "Bearer";
  expiresIn: number;
  refreshToken: string;
  refreshExpiresAt: string;
}

interface TokenOwner {
  userId: string;
  email: string;
  sessionEpoch: number;
}

/** A fresh refresh token for a family: the item to write and the tokens to hand out. */
export function nextTokens(owner: TokenOwner, familyId: string, familyExpiresAt: number) {
  const refreshToken = randomBytes(32).toString("base64url");
  const write = (tx: WriteTx) =>
    tx.refreshToken
      .create({
        tokenHash: hashRefreshToken(refreshToken),
        userId: owner.userId,
        familyId,
        email: owner.email,
        sessionEpoch: owner.sessionEpoch,
        expiresAt: familyExpiresAt,
      })
      .commit();
  const tokens: SessionTokens = {
    accessToken: issueAccessToken(owner.userId, familyId),
    tokenType: "Bearer",
    expiresIn: ACCESS_TOKEN_SECONDS,
    refreshToken,
    refreshExpiresAt: new Date(familyExpiresAt * 1000).toISOString(),
  };
  return { write, tokens };
}

/** What a User-Agent may take up in the list of sign-ins. */
const USER_AGENT_MAX = 300;

/** A new sign-in: the family item, the first refresh token, and the tokens. */
export function newSession(owner: TokenOwner, now = Date.now(), userAgent?: string) {
  const familyId = uuidv7();
  const expiresAt = Math.floor(now / 1000) + SESSION_SECONDS;
  const { write, tokens } = nextTokens(owner, familyId, expiresAt);
  const device =
    userAgent
      ?.replace(/[\u0000-\u001f\u007f]/g, "")
      .trim()
      .slice(0, USER_AGENT_MAX) || undefined;
  const lastUsedAt = new Date(now).toISOString();
  const writes = (tx: WriteTx) => [
    tx.sessionFamily.create({ userId: owner.userId, familyId, expiresAt, lastUsedAt, ...(device ? { userAgent: device } : {}) }).commit(),
    write(tx),
  ];
  return { writes, tokens };
}

type RevokeReason = "logout" | "reuse_detected" | "password_changed" | "email_changed" | "signed_out_elsewhere";

/** Ends every token of a sign-in: its refresh tokens, and its access tokens on their next request. */
export async function revokeFamily(userId: string, familyId: string, reason: RevokeReason) {
  await db()
    .entities.sessionFamily.patch({ userId, familyId })
    .set({ revokedAt: new Date().toISOString(), revokedReason: reason })
    .where((a, op) => op.notExists(a.revokedAt))
    .go()
    .catch((error: { cause?: { name?: string } }) => {
      // Already revoked (or gone): the outcome the caller wants.
      if (error?.cause?.name !== "ConditionalCheckFailedException") throw error;
    });
}

/** How many sign-ins a password change revokes inside its own transaction (DynamoDB allows 100 items). */
const REVOKED_IN_TRANSACTION = 90;

/**
 * Every open sign-in of a user, as transaction items that revoke them (for a password change):
 * the first ones go into the caller's transaction, any beyond that are revoked right away.
 * An unconditional update, so a sign-in that ended meanwhile does not cancel the transaction.
 */
export async function revokeAllFamilies(userId: string, reason: RevokeReason, now = Date.now(), keepFamilyId?: string) {
  const open = (await openFamilies(userId, now)).filter((family) => family.familyId !== keepFamilyId);
  await Promise.all(open.slice(REVOKED_IN_TRANSACTION).map((family) => revokeFamily(userId, family.familyId, reason)));
  const revokedAt = new Date(now).toISOString();
  return (tx: WriteTx) =>
    open
      .slice(0, REVOKED_IN_TRANSACTION)
      .map(({ familyId, expiresAt }) => tx.sessionFamily.update({ userId, familyId }).set({ revokedAt, revokedReason: reason, expiresAt }).commit());
}

/** A user's sign-ins that are still open (not revoked, not past their end; TTL deletes lazily). */
export async function openFamilies(userId: string, now = Date.now()) {
  const { data } = await db().entities.sessionFamily.query.family({ userId }).go({ pages: "all" });
  return data.filter((family) => !family.revokedAt && (family.expiresAt ?? 0) * 1000 > now);
}
