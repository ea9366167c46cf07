import { AppError } from "../errors";
import { encodeJson, signature, verifiedJson } from "./signing";

/** Short-lived access JWT (HS256). Holds the user and the session family, nothing about roles. */
export const ACCESS_TOKEN_SECONDS = 15 * 60;

export interface AccessClaims {
  sub: string;
  sid: string;
  iat: number;
  exp: number;
}

const HEADER = encodeJson({ alg: "HS256", typ: "JWT" });

export function issueAccessToken(userId: string, familyId: string, now = Date.now()): string {
  const iat = Math.floor(now / 1000);
  const body = `${HEADER}.${encodeJson({ sub: userId, sid: familyId, iat, exp: iat + ACCESS_TOKEN_SECONDS })}`;
  return `${body}.${signature("access-token", body)}`;
}

export function verifyAccessToken(token: string, now = Date.now()): AccessClaims {
  const [header, payload, given] = token.split(".");
  const claims =
    header === HEADER && payload && given ? verifiedJson<AccessClaims>("access-token", `${header}.${payload}`, given, payload) : null;
  if (!claims || typeof claims.sub !== "string" || typeof claims.exp !== "number" || claims.exp * 1000 <= now) {
    throw new AppError("unauthenticated", "The access token is invalid or expired");
  }
  return claims;
}
