import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { AppError } from "../errors";
import { currentKey, keyWithId } from "../keys/key-ring";

/**
 * Which list a cursor belongs to: the studio, the list's name and the parameters that choose what
 * it lists (filters, path ids, the caller's effective scope). A cursor works only there.
 */
export interface CursorScope {
  studioId: string;
  list: string;
  params?: Record<string, unknown>;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** The scope as the cipher's associated data: the same list in the same studio with the same parameters. */
function binding(scope: CursorScope): Buffer {
  const params = Object.entries(scope.params ?? {})
    .filter(([, value]) => value !== undefined && value !== null)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return Buffer.from(JSON.stringify([scope.studioId, scope.list, params]));
}

export const badCursor = () =>
  new AppError("validation_failed", "The cursor does not belong to this list", { errors: [{ path: "cursor", message: "is not a cursor from this list" }] });

/**
 * A position in a list, sealed (AES-256-GCM under the key ring's list-cursor key, `<kid>.<base64url>`):
 * the client cannot read it (no ids or emails of what it points at), change it, or use it on
 * another list or in another studio.
 */
export function sealCursor(scope: CursorScope, position: unknown): string {
  const { kid, key } = currentKey("list-cursor");
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(binding(scope));
  const sealed = Buffer.concat([cipher.update(JSON.stringify(position), "utf8"), cipher.final()]);
  return `${kid}.${Buffer.concat([iv, sealed, cipher.getAuthTag()]).toString("base64url")}`;
}

/** The position sealed in `cursor` for this scope; a tampered cursor or another list's is a 422 naming `cursor`. */
export function openCursor(scope: CursorScope, cursor: string): unknown {
  const [kid, body, extra] = cursor.split(".");
  const key = kid && body && extra === undefined ? keyWithId("list-cursor", kid) : undefined;
  const bytes = Buffer.from(body ?? "", "base64url");
  if (!key || !/^[A-Za-z0-9_-]+$/.test(body!) || bytes.length <= IV_BYTES + TAG_BYTES) throw badCursor();
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, bytes.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
    decipher.setAAD(binding(scope));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    const plain = Buffer.concat([decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)), decipher.final()]);
    return JSON.parse(plain.toString("utf8"));
  } catch {
    throw badCursor();
  }
}
