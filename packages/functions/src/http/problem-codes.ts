import { REASONS, type Reason } from "@studiosync/core/kernel";

/** Codes the HTTP layer itself answers with, before any use case runs (or when one fails unexpectedly). */
export const HTTP_PROBLEM_CODES = ["malformed_request", "unsupported_media_type", "invalid_webhook", "internal_error"] as const;

/** Every `code` a problem can carry: one of core's reasons or one of the HTTP layer's own. */
export type ProblemCode = Reason | (typeof HTTP_PROBLEM_CODES)[number];

const REASON_LIST = Object.keys(REASONS) as [Reason, ...Reason[]];

/** Every problem code, core's reasons first (for the OpenAPI `Problem` schema's enum). */
export const PROBLEM_CODES: [ProblemCode, ...ProblemCode[]] = [...REASON_LIST, ...HTTP_PROBLEM_CODES];
