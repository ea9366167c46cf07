export { ACCOUNT_KINDS, type AccountKind } from "./billing-account.entity";
export { ensureBillingAccount, partyName, type BillingParty } from "./ensure-account";
export { billingContacts, type BillingContact } from "./billing-contacts";
export { AccountRace, afterPostings, postingWrites, withAccountRetry, type BillingAccountRecord, type Posting } from "./post-to-ledger";
