export { config, resetConfig } from "./config";
export { addDays, addMonths, localParts, minutesOf, offsetMinutes, startOfLocalDay, timeOf, weekdayOf, zonedInstant } from "./time/wall-clock";
export { dynamo, resetDynamo } from "./db/client";
export { withDbMetrics, type DbMetrics } from "./db/request-metrics";
export { TABLE_KEYS, createTableInput } from "./db/table-definition";
export { DEFAULT_ACCENT, accentOf, contrast, textOn } from "./brand-color";
export { localeFor } from "./locale";
export { fixedClock, systemClock, type Clock } from "./time/clock";
export { CATEGORIES, REASONS, isReason, type ErrorCode, type Reason, type ReasonOf } from "./errors/reasons";
