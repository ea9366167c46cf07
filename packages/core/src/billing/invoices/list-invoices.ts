import { invalidField } from "../../kernel/errors";
import { page, type Page, type PageRun } from "../../kernel/pagination/pagination";
import { hiddenRecord, isStudioAdmin, loadStudioMember, type Actor } from "../../policy";
import { localParts } from "../../kernel/time/wall-clock";
import { ownAccountIds } from "../access";
import { billingDb } from "../billing-db";
import { accessToAccount } from "./invoice-access";
import { toInvoiceSummary, type InvoiceRecord, type InvoiceSummary } from "./invoice-view";
import type { InvoiceListStatus, ListInvoicesQuery } from "./schemas";

type Where = Parameters<ReturnType<ReturnType<typeof billingDb>["entities"]["invoice"]["query"]["invoicesByAccount"]>["where"]>[0];

/** The filter of a status on an account's invoices (`overdue`: open and due before today). */
function statusFilter(status: InvoiceListStatus | undefined, today: string, withDrafts: boolean): Where | undefined {
  if (!status) return withDrafts ? undefined : (a, op) => op.ne(a.listState, "draft");
  switch (status) {
    case "draft":
    case "open": {
      const listState = status as InvoiceRecord["listState"];
      return (a, op) => op.eq(a.listState, listState);
    }
    case "overdue":
      return (a, op) => `${op.eq(a.listState, "open")} AND ${op.lt(a.dueDate, today)}`;
    case "paid":
    case "void": {
      const closed = status as InvoiceRecord["status"];
      return (a, op) => op.eq(a.status, closed);
    }
  }
}

/**
 * Invoices as summaries, one page. With `accountId`: that account's, newest first (admins; the
 * account's own family or student; a teacher of one of its students); parents and students get
 * their own account's by default. Without it (admins): by `status` from the state index sorted by
 * due date (`overdue` = open and due before today in the studio's time zone), or the studio's
 * newest first. Each list is the membership read plus ONE query (a teacher's or a parent's child's
 * account adds the reads that prove their access). Drafts are listed to admins only.
 */
export async function listInvoices(actor: Actor, studioId: string, query: ListInvoicesQuery, now = new Date()): Promise<Page<InvoiceSummary>> {
  const { member, studio } = await loadStudioMember(actor, studioId);
  const today = localParts(now, studio.timeZone).date;
  const admin = isStudioAdmin(member);
  let accountId = query.accountId;
  if (!admin) {
    accountId ??= ownAccountIds(member)[0];
    if (!accountId) throw invalidField("accountId", "is required");
    if ((await accessToAccount(member, studioId, accountId)) === "none") throw hiddenRecord("Billing account");
    if (query.status === "draft") return { items: [], nextCursor: null };
  }
  const { invoice } = billingDb().entities;
  const run: PageRun<InvoiceRecord> = (options) => {
    const go = { ...options, pages: 1 } as const;
    if (accountId) {
      const q = invoice.query.invoicesByAccount({ studioId, accountId });
      const filter = statusFilter(query.status, today, admin);
      return (filter ? q.where(filter) : q).go({ ...go, order: "desc" });
    }
    switch (query.status) {
      case undefined:
        return invoice.query.invoice({ studioId }).go({ ...go, order: "desc" });
      case "draft":
      case "open":
        return invoice.query.invoicesByState({ studioId, listState: query.status }).go(go);
      case "overdue":
        return invoice.query.invoicesByState({ studioId, listState: "open" }).lt({ dueDate: today }).go(go);
      case "paid":
      case "void": {
        const status = query.status as InvoiceRecord["status"];
        return invoice.query
          .invoicesByState({ studioId, listState: "closed" })
          .where((a, op) => op.eq(a.status, status))
          .go({ ...go, order: "desc" });
      }
    }
  };
  const result = await page({ studioId, list: "invoices", params: { accountId, admin } }, run, query);
  return { items: result.items.map((record) => toInvoiceSummary(record, today)), nextCursor: result.nextCursor };
}
