export * as Accounts from "./accounts";
export * as Studios from "./studios";
export * as Idempotency from "./idempotency";
export { AppError, type ErrorCode, type FieldError } from "./errors";
export type { Actor } from "./policy";
export { withDbMetrics, type DbMetrics } from "./db/request-metrics";
export { isProduction } from "./config";
