export { assertWithinLimits, counterKey, countAttempt, LIMITS, type CounterKey } from "./rate-limit";
