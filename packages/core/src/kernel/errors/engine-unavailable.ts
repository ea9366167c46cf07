import { AppError } from "./app-error";

/** How long a client should wait before retrying when a backing service is unavailable. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 2;

/** Network failures reaching a service: it is down, restarting, or the connection broke. */
const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
  "ECONNABORTED",
  "UND_ERR_SOCKET",
]);

/** AWS error names that mean "not now" rather than "not this request". */
const TRANSIENT_NAMES = new Set([
  "ProvisionedThroughputExceededException",
  "ThrottlingException",
  "Throttling",
  "RequestLimitExceeded",
  "LimitExceededException",
  "InternalServerError",
  "InternalFailure",
  "ServiceUnavailable",
  "ServiceUnavailableException",
  "SlowDown",
  "TimeoutError",
  "RequestTimeout",
  "RequestTimeoutException",
]);

interface ErrorLike {
  name?: string;
  code?: string;
  message?: string;
  cause?: unknown;
  $fault?: string;
  $metadata?: { httpStatusCode?: number };
}

function isTransient(error: ErrorLike): boolean {
  if (error.code && NETWORK_CODES.has(error.code)) return true;
  if (error.name && TRANSIENT_NAMES.has(error.name)) return true;
  const status = error.$metadata?.httpStatusCode;
  if (error.$fault === "server" || (status !== undefined && status >= 500)) return true;
  return /socket hang up|connect ECONNREFUSED|read ECONNRESET/.test(error.message ?? "");
}

/**
 * Whether an error (or any error it wraps: ElectroDB puts the SDK's error in `cause`) says a
 * backing service (DynamoDB, S3, SES) could not be reached or refused for now: a request that
 * failed this way answers 503 with Retry-After, and the same request succeeds once it is back.
 */
export function isServiceUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  for (let current = error; current && typeof current === "object" && !seen.has(current); current = (current as ErrorLike).cause) {
    seen.add(current);
    if (current instanceof AppError) return current.code === "unavailable";
    if (isTransient(current as ErrorLike)) return true;
  }
  return false;
}

export const serviceUnavailable = () =>
  new AppError("unavailable", "A service StudioSync depends on is briefly unavailable. Try again shortly.", {
    retryAfterSeconds: UNAVAILABLE_RETRY_AFTER_SECONDS,
  });
