import { formatMoney } from "../billing";
import { priceFor, usageBill, type Month } from "../metering";
import { isConditionalFailure } from "../kernel/db/conditional-failure";
import { addDays, GRACE_DAYS, utcDate } from "./billing-ladder";
import type { PlatformInvoiceRecord } from "./platform-invoice.entity";
import { platformBillingDb } from "./platform-billing-db";

/** `SS-202611-<first 8 of the studio id>`: unique per studio and month, readable on a card statement. */
export const invoiceNumber = (studioId: string, month: Month) =>
  `SS-${month.replace("-", "")}-${studioId
    .replace(/[^A-Za-z0-9]/g, "")
    .slice(0, 8)
    .toUpperCase()}`;

/**
 * Closes a studio's month: its usage (metering's counters) priced at the version in force for the
 * month, one invoice in integer cents, made on condition there is none (a second run bills nothing).
 * Nothing to pay (within the free allowance) is paid at once; else it is open and queued to be
 * charged today (charge-invoice.ts). Returns the invoice made, or null when it was there already.
 */
export async function closeStudioMonth(studioId: string, month: Month, now: Date): Promise<PlatformInvoiceRecord | null> {
  const entities = platformBillingDb().entities;
  const { data: usage } = await entities.usageMonth.get({ studioId, month }).go({ consistent: true });
  const price = priceFor(month);
  const bill = usageBill(month, usage ?? {}, price);
  const issuedOn = utcDate(now);
  const storage = bill.lines.find((line) => line.metric === "storage")!;
  const open = bill.totalMinor > 0;
  const invoice: PlatformInvoiceRecord = {
    studioId,
    month,
    number: invoiceNumber(studioId, month),
    status: open ? "open" : "paid",
    currency: bill.currency,
    priceVersion: price.version,
    price: JSON.stringify(price),
    usage: JSON.stringify({
      activeStudents: usage?.activeStudents ?? 0,
      lessonsHeld: usage?.lessonsHeld ?? 0,
      emailsSent: usage?.emailsSent ?? 0,
      storageGbMonths: storage.used,
    }),
    lines: JSON.stringify(bill.lines),
    totalMinor: bill.totalMinor,
    issuedOn,
    graceEndsOn: addDays(issuedOn, GRACE_DAYS),
    attempts: [],
    ...(open ? { chargeDay: issuedOn, chargeStudio: studioId } : { paidAt: now.toISOString(), paidWith: `nothing to pay (${formatMoney(0, bill.currency)})` }),
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
  try {
    await entities.platformInvoice.create(invoice).go({ response: "none" });
    return invoice;
  } catch (error) {
    if (isConditionalFailure(error)) return null;
    throw error;
  }
}
