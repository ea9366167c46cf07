import { itemOf, readTogether, type ItemRead } from "../../kernel/db/read-together";
import { notFound } from "../../kernel/errors";
import { hiddenRecord, isStudioAdmin, loadMemberWith, type Actor, type StudioMember } from "../../policy";
import type { StudioRecord } from "../../studios/module";
import { ownAccountIds, resolveAccountAccess, type AccountAccess } from "../access";
import { billingDb } from "../billing-db";
import type { InvoiceRecord } from "./invoice-view";

export const invoiceRead = (studioId: string, invoiceId: string) => itemOf(billingDb().entities.invoice, { studioId, invoiceId });

/**
 * What a member may see of an account's billing: admins everything; its own parent or student
 * (their family's or own account: no read) in full; otherwise the account's kind and students
 * decide (billing/access.ts).
 */
export async function accessToAccount(member: StudioMember, studioId: string, accountId: string): Promise<AccountAccess> {
  if (isStudioAdmin(member)) return "full";
  if (ownAccountIds(member).includes(accountId)) return "full";
  if (member.role !== "teacher" && member.role !== "parent") return "none";
  const [account] = await readTogether(itemOf(billingDb().entities.billingAccount, { studioId, accountId }));
  return account ? resolveAccountAccess(member, studioId, { accountId, kind: account.kind }) : "none";
}

/**
 * Loads an invoice for a member with any other records in the same read, and their access to it.
 * Drafts are the studio's working papers: hidden from everyone but admins. Missing, another
 * studio's or hidden → 404.
 */
export async function loadInvoiceFor<const T extends readonly ItemRead<unknown>[]>(actor: Actor, studioId: string, invoiceId: string, ...reads: T) {
  const { member, studio, records } = await loadMemberWith(actor, studioId, invoiceRead(studioId, invoiceId), ...reads);
  const [invoice, ...rest] = records as unknown as [InvoiceRecord | null, ...unknown[]];
  if (!invoice) throw notFound("Invoice");
  const access: AccountAccess = isStudioAdmin(member)
    ? "full"
    : invoice.status === "draft"
      ? "none"
      : await accessToAccount(member, studioId, invoice.accountId);
  if (access === "none") throw hiddenRecord("Invoice");
  return { member, studio: studio as StudioRecord, invoice, access, rest: rest as { [K in keyof T]: T[K] extends ItemRead<infer V> ? V | null : never } };
}
