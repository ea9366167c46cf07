import { db } from "../db";
import { hashRefreshToken, revokeFamily } from "./session-tokens";

/** Ends the sign-in the refresh token belongs to. Unknown tokens are already "logged out". */
export async function logOut(refreshToken: string) {
  const { data: token } = await db()
    .entities.refreshToken.get({ tokenHash: hashRefreshToken(refreshToken) })
    .go();
  if (token) await revokeFamily(token.userId, token.familyId, "logout");
}
