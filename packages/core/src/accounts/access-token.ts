import { createHmac, timingSafeEqual } from "node:crypto";
import { AppError } from "../errors";
import { derivedKey } from "./keys";

/** Short-lived access JWT (HS256). Holds the user and the session family, nothing about roles. */
export const ACCESS_TOKEN_SECONDS = 15 * 60;

export interface AccessClaims {
  sub: string;
  sid: string;
  iat: number;
  exp: number;
}

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
const HEADER = b64({ alg: "HS256", typ: "JWT" });

function sign(input: string): Buffer {
  return createHmac("sha256", derivedKey("access-token")).update(input).digest();
}

export function issueAccessToken(userId: string, familyId: string, now = Date.now()): string {
  const iat = Math.floor(now / 1000);
  const body = `${HEADER}.${b64({ sub: userId, sid: familyId, iat, exp: iat + ACCESS_TOKEN_SECONDS })}`;
  return `${body}.${sign(body).toString("base64url")}`;
}

export function verifyAccessToken(token: string, now = Date.now()): AccessClaims {
  const invalid = new AppError("unauthenticated", "The access token is invalid or expired");
  const [header, payload, signature] = token.split(".");
  if (header !== HEADER || !payload || !signature) throw invalid;
  const given = Buffer.from(signature, "base64url");
  const expected = sign(`${header}.${payload}`);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid;
  let claims: AccessClaims;
  try {
    claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    throw invalid;
  }
  if (typeof claims.sub !== "string" || typeof claims.exp !== "number" || claims.exp * 1000 <= now) throw invalid;
  return claims;
}
