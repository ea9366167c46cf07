import type { Context } from "hono";
import type { ZodError } from "zod";
import { problem } from "./problem";

/** zod issues → the 422 problem's `errors[]`, one entry per bad field with its dotted path. */
export function validationHook(
  result: { success: true } | { success: false; error: ZodError; target?: string },
  c: Context,
) {
  if (result.success) return;
  const errors = result.error.issues.map((issue) => {
    const path = issue.path.map(String).join(".") || (issue.code === "unrecognized_keys" ? issue.keys.join(",") : "body");
    const message =
      issue.code === "invalid_type" && issue.received === "undefined"
        ? "is required"
        : issue.code === "unrecognized_keys"
          ? `is not a known field`
          : issue.message;
    return { path, message };
  });
  return problem(c, 422, "validation_failed", "The request has invalid fields", errors);
}
