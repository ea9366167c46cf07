import { createHmac } from "node:crypto";
import { config } from "../config";

/** Derives one key per purpose from APP_SECRET, so a leaked link key cannot mint access tokens. */
export function derivedKey(purpose: "access-token" | "email-link"): Buffer {
  return createHmac("sha256", config().appSecret).update(`studiosync:${purpose}`).digest();
}
