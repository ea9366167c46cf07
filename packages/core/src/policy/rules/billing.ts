import { AppError } from "../../kernel/errors";
import type { BillingAccountFacts } from "../facts";
import { adminsOnly, hiddenRecord, rule } from "../rule";
import { isStudioAdmin, type StudioMember } from "../studio-member";

/**
 * A billing account (and its invoices, payments and ledger) in full: owners and admins every
 * account; a parent their family's account and the student accounts of their family's children; a
 * student their own student account. Band accounts are for admins only.
 */
function seesAccountInFull(member: StudioMember, { accountId, kind, students }: BillingAccountFacts): boolean {
  if (isStudioAdmin(member)) return true;
  switch (member.role) {
    case "parent":
      if (!member.familyId) return false;
      if (kind === "family") return accountId === member.familyId;
      return kind === "student" && students.some((s) => s.studentId === accountId && s.familyId === member.familyId);
    case "student":
      return kind === "student" && Boolean(member.studentId) && accountId === member.studentId;
    default:
      return false;
  }
}

/**
 * A teacher sees, as a SUMMARY only (invoice numbers, statuses, dates, totals, balances; no lines,
 * payments or ledger), the account of a student they are the primary teacher of: the student's
 * own account, or the family account of a family with such a student.
 */
const seesAccountSummary = (member: StudioMember, { accountId, kind, students }: BillingAccountFacts) =>
  member.role === "teacher" &&
  Boolean(member.teacherId) &&
  kind !== "band" &&
  students.some((s) => s.primaryTeacherId === member.teacherId && (kind === "family" ? s.familyId === accountId : s.studentId === accountId));

/** The 403 of a teacher asking for more than the totals and statuses of their students' billing. */
export const teacherTotalsOnly = () => new AppError("billing.teacher_totals_only", "Teachers see only the totals and statuses of their students' billing");

/** Changing an invoice: admins (a member who sees the invoice: 403). */
const invoiceAdmins = () => rule(isStudioAdmin, (member) => new AppError("invoice.admins_only", `Your role (${member.role}) may not change invoices`));

/** Billing: settings, fee plans, accounts, invoices, payments, runs and reports. */
export const BILLING_RULES = {
  "billing-settings.manage": adminsOnly(),
  /** Creating, changing and deleting fee plans and their enrolments (every member reads them). */
  "fee-plan.manage": adminsOnly(),
  /** Listing and opening billing accounts. */
  "billing-account.manage": adminsOnly(),
  /** An account's totals and statuses (everyone else: 404, as if missing). */
  "billing-account.view": rule<BillingAccountFacts>(
    (member, account) => seesAccountInFull(member, account) || seesAccountSummary(member, account),
    () => hiddenRecord("Billing account"),
  ),
  /** An account's lines, payments and ledger (a teacher who sees the totals: 403). */
  "billing-account.view-details": rule<BillingAccountFacts>(seesAccountInFull, teacherTotalsOnly),
  "invoice.create": adminsOnly(),
  "invoice.update": invoiceAdmins(),
  "invoice.delete": invoiceAdmins(),
  "invoice.send": invoiceAdmins(),
  "invoice.void": invoiceAdmins(),
  "invoice.credit": invoiceAdmins(),
  "payment.record": adminsOnly(),
  "payment.refund": adminsOnly(),
  "billing-run.manage": adminsOnly(),
  "billing-summary.view": adminsOnly(),
} as const;
