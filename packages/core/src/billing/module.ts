import type { CoreModule } from "../kernel/core-module";
import { AccountCardEntity } from "./autopay/account-card.entity";
import { BilledItemEntity } from "./runs/billed-item.entity";
import { BillingChargeEntity } from "./charges/billing-charge.entity";
import { BillingAccountEntity } from "./accounts/billing-account.entity";
import { BillingRunEntity } from "./runs/billing-run.entity";
import { BillingSettingsEntity } from "./settings/billing-settings.entity";
import { DunningDueEntity } from "./dunning/dunning-due.entity";
import { FeePlanEnrolmentEntity, FeePlanEntity } from "./fee-plans/fee-plan.entity";
import { InvoiceCounterEntity, InvoiceEntity } from "./invoices/invoice.entity";
import { LedgerEntryEntity } from "./accounts/ledger-entry.entity";
import { PaymentEntity, RevenueMonthEntity, StripeEventEntity } from "./payments/payment.entity";

export * from "./autopay/account-card.entity";
export * from "./accounts/billing-account.entity";
export * from "./accounts/ledger-entry.entity";
export * from "./charges/billing-charge.entity";
export * from "./dunning/dunning-due.entity";
export * from "./fee-plans/fee-plan.entity";
export * from "./invoices/invoice.entity";
export * from "./payments/payment.entity";
export * from "./runs/billed-item.entity";
export * from "./runs/billing-run.entity";
export * from "./settings/billing-settings.entity";

/**
 * The billing module's declaration: the entities it owns (settings, fee plans and enrolments,
 * accounts and ledgers, one-off charges, invoices, payments, billing runs and dunning), with their record types.
 * The ElectroDB services (db/, each module's *-db.ts) are composed from these declarations; other
 * modules reach the entities through this file, not through their files.
 */
export const billingModule = {
  name: "billing",
  entities: {
    accountCard: AccountCardEntity,
    billedItem: BilledItemEntity,
    billingAccount: BillingAccountEntity,
    billingCharge: BillingChargeEntity,
    billingRun: BillingRunEntity,
    billingSettings: BillingSettingsEntity,
    dunningDue: DunningDueEntity,
    feePlanEnrolment: FeePlanEnrolmentEntity,
    feePlan: FeePlanEntity,
    invoiceCounter: InvoiceCounterEntity,
    invoice: InvoiceEntity,
    ledgerEntry: LedgerEntryEntity,
    payment: PaymentEntity,
    revenueMonth: RevenueMonthEntity,
    stripeEvent: StripeEventEntity,
  },
} as const satisfies CoreModule;
