export { assertWithinLimits, counterKey, countAttempt, LIMITS, type CounterKey, type RateLimit } from "./rate-limit";
