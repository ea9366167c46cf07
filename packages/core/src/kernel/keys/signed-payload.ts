import { currentKey, keyWithId, type KeyPurpose } from "./key-ring";
import { decodeJson, encodeJson, hmacSignature, signatureMatches, strictSegments } from "./token-format";

/**
 * A signed JSON payload for links: `<kid>.<payload>.<signature>`, the signature covering the key
 * id and the payload, under the purpose's key from the root `kid` names.
 */
export function signPayload(purpose: KeyPurpose, value: object): string {
  const { kid, key } = currentKey(purpose);
  const signed = `${kid}.${encodeJson(value)}`;
  return `${signed}.${hmacSignature(key, signed)}`;
}

/**
 * The payload of a token `signPayload` made, or null for anything else: a wrong number of
 * segments, non-canonical base64url, an unknown key id or a signature that does not match.
 * Links sent before keys had ids (`<payload>.<signature>`) still open under the current root.
 */
export function openPayload<T extends object>(purpose: KeyPurpose, token: string): Partial<T> | null {
  const versioned = strictSegments(token, 3);
  if (versioned) {
    const [kid, payload, given] = versioned as [string, string, string];
    const key = keyWithId(purpose, kid);
    return key && signatureMatches(key, `${kid}.${payload}`, given) ? decodeJson<T>(payload) : null;
  }
  const legacy = strictSegments(token, 2);
  if (!legacy) return null;
  const [payload, given] = legacy as [string, string];
  return signatureMatches(currentKey(purpose).key, payload, given) ? decodeJson<T>(payload) : null;
}
