import { shiftMonth, usageMonthOf } from "../metering";
import { itemOf } from "../kernel/db/read-together";
import { notFound } from "../kernel/errors";
import { toPlatformInvoice, type PlatformInvoiceView } from "../platform-billing";
import { loadOperatorWith, studioOwners, type Actor } from "../policy";
import { toOperatorAction, type OperatorActionView } from "./operator-actions";
import { operatorsDb } from "./operators-db";
import { openInvoicesOf, studioFacts, type OpenInvoices } from "./studio-summary";
import { monthEstimate, type OperatorMonthUsage } from "./usage-estimate";

export interface OperatorStudioDetail extends ReturnType<typeof studioFacts> {
  email: string | null;
  owners: { name: string; email: string }[];
  /** The card StudioSync charges: what the owner sees of it, never its number. */
  card: { brand: string; last4: string; expMonth: number | null; expYear: number | null } | null;
  spendingCapMinor: number | null;
  /** This month so far (projected to its end) and the last 12 months, oldest first, this month last. */
  usage: { current: OperatorMonthUsage; months: OperatorMonthUsage[] };
  invoices: PlatformInvoiceView[];
  openInvoices: OpenInvoices;
  /** What the platform's operators did to it, newest first (the latest 50). */
  actions: OperatorActionView[];
}

/**
 * One studio for the operators: its pause, owners and card, 12 months of usage with their bills,
 * every platform invoice and the operators' actions on it. One BatchGetItem (the sign-in, the
 * operator, the studio, its platform account), then four Queries at once.
 */
export async function getOperatorStudio(actor: Actor, studioId: string, now = new Date()): Promise<OperatorStudioDetail> {
  const entities = operatorsDb().entities;
  const { records } = await loadOperatorWith(actor, itemOf(entities.studio, { studioId }), itemOf(entities.platformAccount, { studioId }));
  const [studio, account] = records;
  if (!studio || studio.deletedAt) throw notFound("Studio");
  const month = usageMonthOf(now, studio.timeZone);
  const first = shiftMonth(month, -11);
  const [usage, invoices, owners, actions] = await Promise.all([
    entities.usageMonth.query.usageMonth({ studioId }).between({ month: first }, { month }).go({ pages: "all" }),
    entities.platformInvoice.query.platformInvoice({ studioId }).go({ pages: "all", order: "desc" }),
    studioOwners(studioId),
    entities.operatorAction.query.operatorActionsBySubject({ subjectType: "studio", subjectId: studioId }).go({ order: "desc", limit: 50, pages: 1 }),
  ]);
  const byMonth = new Map(usage.data.map((record) => [record.month, record]));
  const months = Array.from({ length: 12 }, (_, index) => shiftMonth(first, index)).map((m) =>
    monthEstimate(m, byMonth.get(m), m === month ? { now, timeZone: studio.timeZone, storageBytes: studio.storageBytes ?? 0 } : undefined),
  );
  return {
    ...studioFacts(studio),
    email: studio.email ?? null,
    owners: owners.map(({ name, email }) => ({ name, email })),
    card:
      account?.paymentMethodId && account.cardLast4
        ? { brand: account.cardBrand ?? "card", last4: account.cardLast4, expMonth: account.cardExpMonth ?? null, expYear: account.cardExpYear ?? null }
        : null,
    spendingCapMinor: account?.spendingCapMinor ?? null,
    usage: { current: months.at(-1)!, months },
    invoices: invoices.data.map(toPlatformInvoice),
    openInvoices: openInvoicesOf(invoices.data, now),
    actions: actions.data.map(toOperatorAction),
  };
}
