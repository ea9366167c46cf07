import type { EntityItem } from "electrodb";
import { SERVICE, timestamps } from "../kernel/db/attributes";
import { Entity } from "../kernel/db/entity";
import { ITEM_CONDITIONS } from "./item.entity";

/** requested → out (lent) → returned; a request can be declined or cancelled instead. */
export const LOAN_STATUSES = ["requested", "out", "returned", "declined", "cancelled"] as const;
export type LoanStatus = (typeof LOAN_STATUSES)[number];
/** The open states: `openState` keys the studio's `openLoans` list, and is removed when a loan closes. */
export const OPEN_LOAN_STATES = ["requested", "out"] as const;

/**
 * A loan of an inventory item to a student (seeds: CheckoutLog): asked for by the family, the
 * student or staff, lent by an admin (units taken from the item in the same transaction), returned
 * with the item's condition. Its deposit and rental fee are billing charges (billing/charges) with
 * the ids kept here; the deposit given back is a credit charge.
 *
 * Indexes: the item's loans (gsi1) and the student's (gsi2), newest first by id (UUIDv7); the
 * studio's open loans (gsi3, sparse: only requested and out loans have `openState`) by due date,
 * so the loans overdue come first. The overdue reminders' work queue is LoanDue (below).
 */
export const LoanEntity = new Entity({
  model: { entity: "loan", version: "1", service: SERVICE },
  attributes: {
    studioId: { type: "string", required: true, readOnly: true },
    loanId: { type: "string", required: true, readOnly: true },
    itemId: { type: "string", required: true, readOnly: true },
    /** The item's name when asked for (lists show it without reading the item). */
    itemName: { type: "string", required: true },
    studentId: { type: "string", required: true, readOnly: true },
    /** The student's family when asked for (the family's parents see it). */
    familyId: { type: "string", readOnly: true },
    quantity: { type: "number", required: true, readOnly: true },
    status: { type: LOAN_STATUSES, required: true },
    openState: { type: OPEN_LOAN_STATES },
    /** Local date (studio time zone) it is (asked to be) due back. */
    dueDate: { type: "string", required: true },
    requestNote: { type: "string" },
    requestedBy: { type: "string", readOnly: true },
    requestedAt: { type: "string", readOnly: true },
    /** When and by whom it was lent; the local date it went out. */
    lentAt: { type: "string" },
    lentBy: { type: "string" },
    lentOn: { type: "string" },
    /** Declined or cancelled: by whom, when, why. */
    closedBy: { type: "string" },
    closedAt: { type: "string" },
    closeReason: { type: "string" },
    returnedAt: { type: "string" },
    returnedOn: { type: "string" },
    returnedBy: { type: "string" },
    returnCondition: { type: ITEM_CONDITIONS },
    returnNotes: { type: "string" },
    /** Money (studio currency, minor units) and the billing charges that carry it. */
    depositMinor: { type: "number" },
    rentalFeeMinor: { type: "number" },
    depositChargeId: { type: "string" },
    feeChargeId: { type: "string" },
    /** Of the deposit: kept for damage, and what was given back (credit charge, or the deposit charge cancelled before it was billed). */
    depositKeptMinor: { type: "number" },
    depositRefundChargeId: { type: "string" },
    /** Reminders sent ("due", "overdue"), so each goes once; the next one's local day and step (while out). */
    remindersSent: { type: "list", items: { type: "string" } },
    nextReminderDay: { type: "string" },
    nextReminderStep: { type: "string" },
    ...timestamps,
  },
  indexes: {
    loan: { pk: { field: "pk", composite: ["studioId"] }, sk: { field: "sk", composite: ["loanId"] } },
    loansByItem: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["studioId", "itemId"] },
      sk: { field: "gsi1sk", composite: ["loanId"] },
    },
    loansByStudent: {
      index: "gsi2",
      pk: { field: "gsi2pk", composite: ["studioId", "studentId"] },
      sk: { field: "gsi2sk", composite: ["loanId"] },
    },
    openLoans: {
      index: "gsi3",
      pk: { field: "gsi3pk", composite: ["studioId", "openState"] },
      sk: { field: "gsi3sk", composite: ["dueDate", "loanId"] },
    },
  },
});

/**
 * The loan reminder job's work queue: a loan out, keyed by the local date of its next reminder
 * (due date, then overdue), across studios (a deliberate cross-tenant index, read only by the
 * job). Written when the loan is lent, moved to the next step by the job, deleted on return.
 */
export const LoanDueEntity = new Entity({
  model: { entity: "loanDue", version: "1", service: SERVICE },
  attributes: {
    day: { type: "string", required: true, readOnly: true },
    studioId: { type: "string", required: true, readOnly: true },
    loanId: { type: "string", required: true, readOnly: true },
    step: { type: "string", required: true, readOnly: true },
    ...timestamps,
  },
  indexes: {
    loanDue: { pk: { field: "pk", composite: ["day"] }, sk: { field: "sk", composite: ["studioId", "loanId"] } },
  },
});

/** A stored Loan, as reads return it. */
export type LoanRecord = EntityItem<typeof LoanEntity>;
