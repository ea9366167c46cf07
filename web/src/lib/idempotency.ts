import { field } from "./form";

/**
 * Forms that make the API send mail carry a fresh key in a hidden field, rendered anew with every
 * form: a double-clicked or re-sent submission replays the first answer instead of mailing twice.
 */
export const IDEMPOTENCY_FIELD = "idempotencyKey";

export const newIdempotencyKey = () => crypto.randomUUID();

export function idempotencyHeader(form: FormData): { "Idempotency-Key"?: string } {
  const key = field(form, IDEMPOTENCY_FIELD);
  return /^[\x21-\x7e]{1,255}$/.test(key) ? { "Idempotency-Key": key } : {};
}
