export {
  assertWithinLimits,
  claimWithinLimit,
  counterKey,
  counterRead,
  countAttempt,
  countAttemptAlone,
  isExhausted,
  LIMITS,
  rateLimited,
  type CounterKey,
  type CounterState,
  type RateLimit,
} from "./rate-limit";
export { signVisitorIp, verifiedVisitorIp, VISITOR_IP_HEADER, VISITOR_IP_SIGNATURE_HEADER } from "./visitor-ip";
