import { createHash, randomBytes } from "node:crypto";
import { v7 as uuidv7 } from "uuid";
import { db, type WriteTx } from "../db/service";
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

/** A new sign-in: the family item, the first refresh token, and the tokens. */
export function newSession(owner: TokenOwner, now = Date.now()) {
  const familyId = uuidv7();
  const expiresAt = Math.floor(now / 1000) + SESSION_SECONDS;
  const { write, tokens } = nextTokens(owner, familyId, expiresAt);
  const writes = (tx: WriteTx) => [tx.sessionFamily.create({ userId: owner.userId, familyId, expiresAt }).commit(), write(tx)];
  return { writes, tokens };
}

/** Ends every token of a sign-in. */
export async function revokeFamily(userId: string, familyId: string, reason: "logout" | "reuse_detected") {
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
