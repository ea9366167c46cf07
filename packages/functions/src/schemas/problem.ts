import { z } from "@hono/zod-openapi";
import { PROBLEM_CODES } from "../http/problem-codes";

export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: "urn:studiosync:problem:validation_failed" }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.enum(PROBLEM_CODES).openapi({
      description:
        "The stable reason: generic (`validation_failed`, `not_found`, …) or a dotted domain reason (`invoice.already_sent`). Branch on this, never on `detail`.",
      example: "validation_failed",
    }),
    requestId: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    conflicts: z
      .array(
        z.object({
          lessonId: z.string(),
          start: z.string(),
          end: z.string(),
          resource: z.enum(["teacher", "student", "room"]),
          resourceId: z.string(),
        }),
      )
      .optional()
      .openapi({ description: "On a scheduling 409: the bookings in the way" }),
  })
  .openapi("Problem");

const DESCRIPTIONS: Record<number, string> = {
  400: "Malformed request, or an invalid or expired link token",
  401: "Missing, invalid or expired credentials",
  403: "Signed in, but not allowed to do this",
  404: "No such resource (or it belongs to another studio)",
  409: "Conflicts with existing data",
  410: "The link has expired",
  413: "Too large: over the file type's size limit or the studio's storage",
  422: "Invalid fields; `errors[]` names each one",
  415: "The body is not JSON (send Content-Type: application/json)",
  429: "Too many attempts; see Retry-After",
  503: "A service it depends on is briefly unavailable; see Retry-After",
};

/** The problem responses a route can give, for its OpenAPI description. */
export function problems<S extends keyof typeof DESCRIPTIONS>(...statuses: S[]) {
  return Object.fromEntries(
    statuses.map((s) => [s, { description: DESCRIPTIONS[s]!, content: { "application/problem+json": { schema: ProblemSchema } } }]),
  ) as Record<S, { description: string; content: { "application/problem+json": { schema: typeof ProblemSchema } } }>;
}

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { "application/json": { schema } },
});

export const jsonResponse = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
