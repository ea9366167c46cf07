import { randomBytes } from "node:crypto";

/**
 * The TXT record that proves a studio controls a hostname: published at
 * `_studiosync-verify.<hostname>` (an underscore name, so it never collides with the host's own
 * records, RFC 8552) with the value `studiosync-verify=<token>`. The token is random per studio
 * and hostname (128 bits), so a record published for one studio proves nothing for another.
 */
export const VERIFICATION_PREFIX = "_studiosync-verify";
export const VERIFICATION_VALUE_PREFIX = "studiosync-verify=";

export const newVerificationToken = () => randomBytes(16).toString("base64url");

export const verificationName = (hostname: string) => `${VERIFICATION_PREFIX}.${hostname}`;

export const verificationValue = (token: string) => `${VERIFICATION_VALUE_PREFIX}${token}`;
