export { ACCOUNT_KINDS, type AccountKind } from "./billing-account.entity";
export { newAccountRecord, openAccountWrites, partyNameOf, partyRead, type BillingParty } from "./open-account";
export { billingContacts, type BillingContact } from "./billing-contacts";
export { AccountRace, afterPostings, postingWrites, withAccountRetry, type BillingAccountRecord, type Posting } from "./post-to-ledger";
export { toAccount, toLedgerEntry, type BillingAccount, type LedgerEntry, type LedgerEntryRecord } from "./account-view";
export { BillingAccountSchema, LedgerEntrySchema } from "./account-schema";
export { createBillingAccount } from "./create-account";
export { listBillingAccounts } from "./list-accounts";
export { accountLedger, getBillingAccount } from "./get-account";
export { createAccountSchema, ledgerQuerySchema, listAccountsQuerySchema, type CreateAccountInput, type LedgerQuery, type ListAccountsQuery } from "./schemas";
export {
  accessWithoutFacts,
  accountAccess,
  accountFacts,
  ownAccountIds,
  requireAccountAccess,
  resolveAccountAccess,
  teacherAccountIds,
  teacherSeesAccount,
  type AccountAccess,
  type AccountFacts,
  type AccountParty,
} from "../access";
