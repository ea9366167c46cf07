import { AppError } from "../kernel/errors";
import { currentKey, keyWithId } from "../kernel/keys/key-ring";
import { decodeJson, encodeJson, hmacSignature, signatureMatches, strictSegments } from "../kernel/keys/token-format";

/** Short-lived access JWT (HS256). Holds the user and the session family, nothing about roles. */
export const ACCESS_TOKEN_SECONDS = 15 * 60;

export interface AccessClaims {
  sub: string;
  sid: string;
  iat: number;
  exp: number;
}

/** The one header a token signed under root `kid` may carry (compared as text: no other alg or field). */
const header = (kid: string) => encodeJson({ alg: "HS256", typ: "JWT", kid });

export function issueAccessToken(userId: string, familyId: string, now = Date.now()): string {
  const { kid, key } = currentKey("access-token");
  const iat = Math.floor(now / 1000);
  const body = `${header(kid)}.${encodeJson({ sub: userId, sid: familyId, iat, exp: iat + ACCESS_TOKEN_SECONDS })}`;
  return `${body}.${hmacSignature(key, body)}`;
}

export function verifyAccessToken(token: string, now = Date.now()): AccessClaims {
  const claims = verifiedClaims(token);
  if (!claims || typeof claims.sub !== "string" || typeof claims.sid !== "string" || typeof claims.exp !== "number" || claims.exp * 1000 <= now) {
    throw new AppError("unauthenticated", "The access token is invalid or expired");
  }
  return claims as AccessClaims;
}

function verifiedClaims(token: string): Partial<AccessClaims> | null {
  const segments = strictSegments(token, 3);
  if (!segments) return null;
  const [head, payload, given] = segments as [string, string, string];
  const kid = decodeJson<{ kid: string }>(head)?.kid;
  const key = typeof kid === "string" && head === header(kid) ? keyWithId("access-token", kid) : undefined;
  return key && signatureMatches(key, `${head}.${payload}`, given) ? decodeJson<AccessClaims>(payload) : null;
}
