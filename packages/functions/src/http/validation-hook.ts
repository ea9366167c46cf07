import type { FieldError } from "@studiosync/core";
import type { Context } from "hono";
import type { ZodError } from "zod";
import { findHostileText } from "./hostile-text";
import { problem } from "./problem";

/** The media types a JSON body may be sent as (as Hono's validator reads them). */
const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json$/i;
/** Request parts whose strings come from the caller and reach the domain. */
const SCANNED_TARGETS = new Set(["json", "query", "param"]);

/**
 * Runs after every request part a route declares is parsed (success or not), for every route of
 * every router: so each new route gets the same edge checks without asking for them.
 * - a JSON body route refuses a body that is not JSON (415) instead of validating `{}`;
 * - any string in the body, query or path with NUL/control characters or lone surrogates: 422;
 * - zod issues → the 422 problem's `errors[]`, one entry per bad field with its dotted path.
 */
export function validationHook(
  result: { success: true; data?: unknown; target?: string } | { success: false; error: ZodError; data?: unknown; target?: string },
  c: Context,
) {
  if (result.target === "json") {
    const mediaType = (c.req.header("Content-Type") ?? "").split(";")[0]!.trim();
    if (!JSON_MEDIA_TYPE.test(mediaType) && !isBodylessAction(c, mediaType)) {
      return problem(c, 415, "unsupported_media_type", "The request body must be JSON, sent with Content-Type: application/json");
    }
  }
  const hostile = result.target && SCANNED_TARGETS.has(result.target) ? findHostileText(result.data) : [];
  if (result.success && !hostile.length) return;
  const errors: FieldError[] = [...hostile, ...(result.success ? [] : zodErrors(result.error))];
  return problem(c, 422, "validation_failed", "The request has invalid fields", errors);
}

/**
 * A POST with no body at all (an action such as `…/approve` whose fields are all optional) is
 * validated as `{}`: a missing required field is then a 422 naming it. PATCH and PUT always need
 * a JSON body, and any body sent must be JSON.
 */
function isBodylessAction(c: Context, mediaType: string): boolean {
  const length = c.req.header("Content-Length");
  return c.req.method === "POST" && mediaType === "" && (length === undefined || length === "0") && !c.req.header("Transfer-Encoding");
}

function zodErrors(error: ZodError): FieldError[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join(".") || (issue.code === "unrecognized_keys" ? issue.keys.join(",") : "body");
    const message =
      issue.code === "invalid_type" && issue.received === "undefined"
        ? "is required"
        : issue.code === "unrecognized_keys"
          ? `is not a known field`
          : issue.message;
    return { path, message };
  });
}
