import { tableService, type TransactionEntities } from "../kernel/db/table-service";
import { tenantEntities } from "../db/tenant-entities";
import { LessonAttendeeEntity } from "../scheduling/lessons/lesson-attendee.entity";
import { LessonEntity } from "../scheduling/lessons/lesson.entity";
import { JobCursorEntity } from "../scheduling/reminders/reminder-due.entity";
import { BillingAccountEntity } from "./accounts/billing-account.entity";
import { LedgerEntryEntity } from "./accounts/ledger-entry.entity";
import { DunningDueEntity } from "./dunning/dunning-due.entity";
import { FeePlanEnrolmentEntity, FeePlanEntity } from "./fee-plans/fee-plan.entity";
import { InvoiceCounterEntity, InvoiceEntity } from "./invoices/invoice.entity";
import { PaymentEntity, RevenueMonthEntity, StripeEventEntity } from "./payments/payment.entity";
import { BilledItemEntity } from "./runs/billed-item.entity";
import { BillingRunEntity } from "./runs/billing-run.entity";
import { BillingSettingsEntity } from "./settings/billing-settings.entity";

/**
 * The billing entities, with the people, lessons and audit entities their reads and transactions
 * span. A third ElectroDB service over the same table (see schedule-db.ts), so only the billing
 * Lambdas carry these models.
 */
export const billingEntities = {
  ...tenantEntities,
  lesson: LessonEntity,
  lessonAttendee: LessonAttendeeEntity,
  jobCursor: JobCursorEntity,
  billingSettings: BillingSettingsEntity,
  billingAccount: BillingAccountEntity,
  ledgerEntry: LedgerEntryEntity,
  invoice: InvoiceEntity,
  invoiceCounter: InvoiceCounterEntity,
  payment: PaymentEntity,
  revenueMonth: RevenueMonthEntity,
  stripeEvent: StripeEventEntity,
  feePlan: FeePlanEntity,
  feePlanEnrolment: FeePlanEnrolmentEntity,
  billedItem: BilledItemEntity,
  billingRun: BillingRunEntity,
  dunningDue: DunningDueEntity,
};

/** The billing service (same table, same client as db()). */
export const billingDb = tableService(billingEntities);

/** The billing entities as a transaction callback receives them. */
export type BillingTx = TransactionEntities<typeof billingDb>;
