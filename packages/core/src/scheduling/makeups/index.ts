export { CREDIT_STATUSES } from "./makeup-credit.entity";
export { toMakeupCredit, effectiveStatus, type MakeupCredit, type MakeupCreditRecord, type CreditStatus } from "./credit-view";
export { MakeupCreditSchema } from "./credit-schema";
export { termOf, type Term, type TermLength } from "./credit-term";
export { listMakeupCredits } from "./list-makeup-credits";
export { bookMakeup } from "./book-makeup";
export { expireMakeupCredits, EXPIRE_CREDITS_JOB } from "./expire-makeup-credits";
export { listMakeupCreditsQuerySchema, bookMakeupSchema, type ListMakeupCreditsQuery, type BookMakeupInput } from "./schemas";
