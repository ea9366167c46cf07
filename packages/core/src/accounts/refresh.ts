import { db } from "../db";
import { commitWritesOr, rejectedAs } from "../kernel/db/commit-writes";
import { AppError } from "../kernel/errors";
import { hashRefreshToken, nextTokens, revokeFamily } from "./session-tokens";

const invalid = () => new AppError("unauthenticated", "The refresh token is invalid, expired or revoked. Sign in again.");

/**
 * Rotates a refresh token (OAuth 2.1 §6.1). Presenting a token that was already rotated means it
 * leaked or was replayed: the whole sign-in (family) is revoked, for the thief and the owner alike.
 */
export async function refreshSession(refreshToken: string, now = Date.now()) {
  const { data: token } = await db()
    .entities.refreshToken.get({ tokenHash: hashRefreshToken(refreshToken) })
    .go();
  if (!token || (token.expiresAt ?? 0) * 1000 <= now) throw invalid();
  if (token.rotatedAt) {
    await revokeFamily(token.userId, token.familyId, "reuse_detected");
    throw new AppError("unauthenticated", "This refresh token was already used. For safety this sign-in has been ended; sign in again.");
  }

  const owner = { userId: token.userId, email: token.email, sessionEpoch: token.sessionEpoch };
  const next = nextTokens(owner, token.familyId, token.expiresAt ?? 0);
  const rejected = await commitWritesOr(
    db,
    (tx) => [
      rejectedAs(
        tx.refreshToken
          .patch({ tokenHash: token.tokenHash })
          .set({ rotatedAt: new Date(now).toISOString() })
          .where((a, op) => op.notExists(a.rotatedAt))
          .commit(),
        "rotated",
      ),
      next.write(tx),
      tx.sessionFamily
        .patch({ userId: token.userId, familyId: token.familyId })
        .set({ lastUsedAt: new Date(now).toISOString() })
        .where((a, op) => op.notExists(a.revokedAt))
        .commit(),
      tx.credential
        .check({ email: token.email })
        .where((a, op) => op.eq(a.sessionEpoch, token.sessionEpoch))
        .commit(),
    ],
    // Any other cancellation (the sign-in revoked, the password changed, …) ends the sign-in too.
    { otherwise: "ended" },
  );
  if (!rejected) return { ...next.tokens, user: { id: token.userId, email: token.email } };
  if (rejected === "rotated") {
    // Rotated by a concurrent request between our read and write: the same reuse as above.
    await revokeFamily(token.userId, token.familyId, "reuse_detected");
  }
  throw invalid();
}
