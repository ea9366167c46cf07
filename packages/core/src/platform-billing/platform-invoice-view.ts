import type { PlatformPrice, UsageBill } from "../metering";
import type { PlatformInvoiceRecord } from "./platform-invoice.entity";

export interface PlatformInvoiceView {
  id: string;
  number: string;
  month: string;
  status: "open" | "paid";
  currency: string;
  totalMinor: number;
  priceVersion: string;
  price: PlatformPrice;
  usage: { activeStudents: number; lessonsHeld: number; emailsSent: number; storageGbMonths: number };
  lines: UsageBill["lines"];
  issuedOn: string;
  graceEndsOn: string;
  nextChargeOn: string | null;
  paidAt: string | null;
  paidWith: string | null;
  attempts: { at: string; outcome: string; message: string | null; card: string | null }[];
}

export function toPlatformInvoice(record: PlatformInvoiceRecord): PlatformInvoiceView {
  return {
    id: record.month,
    number: record.number,
    month: record.month,
    status: record.status,
    currency: record.currency,
    totalMinor: record.totalMinor,
    priceVersion: record.priceVersion,
    price: JSON.parse(record.price),
    usage: JSON.parse(record.usage),
    lines: JSON.parse(record.lines),
    issuedOn: record.issuedOn,
    graceEndsOn: record.graceEndsOn,
    nextChargeOn: record.status === "open" ? (record.chargeDay ?? null) : null,
    paidAt: record.paidAt ?? null,
    paidWith: record.paidWith ?? null,
    attempts: (record.attempts ?? []).map((a) => ({ at: a.at, outcome: a.outcome, message: a.message ?? null, card: a.card ?? null })),
  };
}
