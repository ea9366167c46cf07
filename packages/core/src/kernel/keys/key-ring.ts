import { createHash, createHmac } from "node:crypto";
import { config } from "../config";

/** What a key is for: one key per purpose, so a leaked link key cannot mint access tokens. */
export type KeyPurpose =
  | "access-token"
  | "email-link"
  | "invoice-link"
  | "stored-secret"
  | "list-cursor"
  | "privacy-export"
  | "lesson-action"
  | "unsubscribe"
  | "materials-link"
  | "trial-booking"
  | "class-offer"
  | "event-rsvp"
  | "reply-address";

/** A derived key and the id of the root secret it came from (travels with what it signs or seals). */
export interface VersionedKey {
  kid: string;
  key: Buffer;
}

/** A root secret's id: a short hash of it, so a token can name its key without revealing it. */
const keyId = (root: string) => createHash("sha256").update(`studiosync:key-id:${root}`).digest("base64url").slice(0, 8);

/** The same derivation as before keys had ids, so values made then still verify under that root. */
const derive = (root: string, purpose: KeyPurpose) => createHmac("sha256", root).update(`studiosync:${purpose}`).digest();

/**
 * The key ring: every root secret in APP_SECRET (current first, then older ones still trusted)
 * gives one key per purpose. New tokens, links and sealed values use the current key; older
 * ones verify or open under the key their id names, until its root leaves the ring.
 */
export function keyRing(purpose: KeyPurpose): VersionedKey[] {
  return config().appSecrets.map((root) => ({ kid: keyId(root), key: derive(root, purpose) }));
}

export const currentKey = (purpose: KeyPurpose): VersionedKey => keyRing(purpose)[0]!;

/** The key a token or sealed value names, or undefined when its root is no longer in the ring. */
export const keyWithId = (purpose: KeyPurpose, kid: string): Buffer | undefined => keyRing(purpose).find((k) => k.kid === kid)?.key;
