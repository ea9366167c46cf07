import { z } from "zod";
import { pageQuerySchema } from "../kernel/pagination/pagination";
import { requiredText } from "../people";
import { API_KEY_SCOPES } from "./api-key.entity";

/** The longest a key lives: a year (then a new key, so a leaked one does not work for ever). */
export const MAX_KEY_DAYS = 365;

export const createApiKeySchema = z
  .object({
    name: requiredText(80),
    scopes: z
      .array(z.enum(API_KEY_SCOPES, { message: `must each be one of ${API_KEY_SCOPES.join(", ")}` }), { invalid_type_error: "must be a list" })
      .min(1, "must name at least one scope")
      .transform((scopes) => API_KEY_SCOPES.filter((scope) => scopes.includes(scope))),
    expiresInDays: z
      .number({ invalid_type_error: "must be a number" })
      .int("must be a whole number")
      .min(1, "must be at least 1")
      .max(MAX_KEY_DAYS, `must be at most ${MAX_KEY_DAYS}`)
      .default(90),
  })
  .strict();
export type CreateApiKeyInput = z.infer<typeof createApiKeySchema>;

export const listApiKeysQuerySchema = pageQuerySchema;
