import type { PlatformInvoiceRecord } from "../platform-billing/module";
import type { UsageMonthRecord } from "../metering";
import { usageMonthOf } from "../metering";
import { utcDate } from "../platform-billing";
import { inPool, readMany } from "../kernel/db/read-many";
import { itemOf, type ItemRead } from "../kernel/db/read-together";
import { studioOwners, type PausedReason } from "../policy";
import type { StudioRecord } from "../studios/module";
import type { MembershipRecord, UserRecord } from "../accounts/module";
import { operatorsDb } from "./operators-db";
import { monthEstimate, type OperatorMonthUsage } from "./usage-estimate";

/** A studio's platform invoices still owed: how many, how much, since when, and whether one is past its grace period. */
export interface OpenInvoices {
  count: number;
  totalMinor: number;
  currency: string;
  oldestMonth: string | null;
  overdue: boolean;
}

/** A studio as the operators' list shows it. */
export interface OperatorStudioSummary {
  id: string;
  name: string;
  slug: string;
  timeZone: string;
  currency: string;
  country: string | null;
  createdAt: string;
  pausedReason: PausedReason | null;
  pausedAt: string | null;
  owner: { name: string; email: string } | null;
  /** This month in the studio's zone: the usage so far and its bill, now and projected. */
  usage: OperatorMonthUsage;
  openInvoices: OpenInvoices;
}

/** Open and past its grace period: the ladder has paused the studio, or will at its next step. */
export const isOverdue = (invoice: Pick<PlatformInvoiceRecord, "status" | "graceEndsOn">, now: Date) =>
  invoice.status === "open" && invoice.graceEndsOn < utcDate(now);

export function openInvoicesOf(invoices: readonly PlatformInvoiceRecord[], now: Date): OpenInvoices {
  const open = invoices.filter((invoice) => invoice.status === "open").sort((a, b) => (a.month < b.month ? -1 : 1));
  return {
    count: open.length,
    totalMinor: open.reduce((sum, invoice) => sum + invoice.totalMinor, 0),
    currency: open[0]?.currency ?? "USD",
    oldestMonth: open[0]?.month ?? null,
    overdue: open.some((invoice) => isOverdue(invoice, now)),
  };
}

/** The studio's open platform invoices: one Query of its invoices (a dozen a year), filtered. */
export async function openInvoiceRecords(studioId: string): Promise<PlatformInvoiceRecord[]> {
  const { data } = await operatorsDb()
    .entities.platformInvoice.query.platformInvoice({ studioId })
    .where((a, op) => op.eq(a.status, "open"))
    .go({ pages: "all" });
  return data;
}

/**
 * An open invoice whose dunning ladder has ended unpaid: its last step failed, so no charge is
 * planned any more (the ladder keeps `chargeDay` until then; platform-billing/charge-invoice.ts).
 * That step pauses the studio, or would have but for a suspension: lifting the suspension leaves
 * the studio paused as unpaid.
 */
export const pausesForPayment = (invoice: PlatformInvoiceRecord) => invoice.status === "open" && !invoice.chargeDay;

const ownerOf = (user: Pick<UserRecord, "name" | "email"> | null) => (user ? { name: user.name, email: user.email } : null);

/**
 * The list's rows for a page of studios: one BatchGetItem (100 keys a call) for each studio's usage
 * this month and the studio's founder with their membership (its owner, unless ownership moved on:
 * then its owners are read), and one Query per studio for its open invoices, a few at a time.
 */
export async function studioSummaries(studios: readonly StudioRecord[], now: Date): Promise<OperatorStudioSummary[]> {
  if (studios.length === 0) return [];
  const { usageMonth, user, membership } = operatorsDb().entities;
  const months = studios.map((studio) => usageMonthOf(now, studio.timeZone));
  const founders = studios.map((studio) => studio.createdBy ?? "");
  const reads: ItemRead<unknown>[] = [
    ...studios.map((studio, i) => itemOf(usageMonth, { studioId: studio.studioId, month: months[i]! })),
    ...studios.flatMap((studio, i) =>
      founders[i] ? [itemOf(user, { userId: founders[i]! }), itemOf(membership, { studioId: studio.studioId, userId: founders[i]! })] : [],
    ),
  ];
  const found = await readMany(reads);
  const usage = found.slice(0, studios.length) as (UsageMonthRecord | null)[];
  const people = new Map<string, { user: UserRecord | null; membership: MembershipRecord | null }>();
  let at = studios.length;
  for (const [i, studio] of studios.entries()) {
    if (!founders[i]) continue;
    people.set(studio.studioId, { user: found[at] as UserRecord | null, membership: found[at + 1] as MembershipRecord | null });
    at += 2;
  }
  const open = new Map<string, PlatformInvoiceRecord[]>();
  const owners = new Map<string, { name: string; email: string } | null>();
  await inPool(studios, 8, async (studio) => {
    open.set(studio.studioId, await openInvoiceRecords(studio.studioId));
    const founder = people.get(studio.studioId);
    const stillOwner = founder?.membership?.role === "owner" && !founder.membership.deletedAt && !founder.membership.deactivatedAt;
    owners.set(studio.studioId, stillOwner ? ownerOf(founder!.user) : ownerOf((await studioOwners(studio.studioId))[0] ?? null));
  });
  return studios.map((studio, i) => ({
    ...studioFacts(studio),
    owner: owners.get(studio.studioId) ?? null,
    usage: monthEstimate(months[i]!, usage[i], { now, timeZone: studio.timeZone, storageBytes: studio.storageBytes ?? 0 }),
    openInvoices: openInvoicesOf(open.get(studio.studioId) ?? [], now),
  }));
}

/** The studio's own fields every operator view shows. */
export const studioFacts = (studio: StudioRecord) => ({
  id: studio.studioId,
  name: studio.name,
  slug: studio.slug,
  timeZone: studio.timeZone,
  currency: studio.currency,
  country: studio.country ?? null,
  createdAt: studio.createdAt,
  pausedReason: studio.pausedReason ?? null,
  pausedAt: studio.pausedAt ?? null,
});
