import { describe, expect, it } from "vitest";
import {
  capAlertWords,
  capFieldErrors,
  cardReturnHref,
  cardSavedHref,
  cardSavedWords,
  cardWords,
  invoiceStatusBadge,
  overdueInvoice,
  platformInvoiceHref,
  priceTermsOf,
  readCap,
  sentence,
} from "../../src/lib/platform-billing";
import { plainProblem, refusedByRole, type Problem } from "../../src/lib/problem";

const BASE = "/dashboard/studios/s1";

describe("platform billing's words and links", () => {
  it("links an invoice where the billing emails do, and the card's return where Stripe sends the owner", () => {
    expect(platformInvoiceHref(BASE, "2026-10")).toBe("/dashboard/studios/s1/settings/usage/invoices/2026-10");
    expect(cardReturnHref(BASE)).toBe("/dashboard/studios/s1/settings/usage/card");
  });

  it("reads the cap in dollars into cents by string arithmetic, never below $1.00", () => {
    expect(readCap("100.00")).toEqual({ capMinor: 10_000 });
    expect(readCap("100.50")).toEqual({ capMinor: 10_050 });
    expect(readCap("$1,250.1")).toEqual({ capMinor: 125_010 });
    expect(readCap("0.29")).toMatchObject({ error: expect.stringContaining("at least 1.00") });
    expect(readCap("1.005")).toMatchObject({ error: expect.stringContaining("at most 2 decimal places") });
    expect(readCap("")).toMatchObject({ error: expect.stringContaining("like 100.00") });
    expect(readCap("ten")).toHaveProperty("error");
    expect(capFieldErrors({ type: "x", title: "x", status: 422, errors: [{ path: "capMinor", message: "must be at least 100 (1.00)" }] })).toHaveProperty(
      "capMinor",
    );
    expect(capFieldErrors(undefined)).toEqual({});
  });

  it("says the cap's alert of this month only", () => {
    const cap = { capMinor: 10_000, alertedMonth: "2026-12", alertedLevel: 80 };
    expect(capAlertWords(cap, "2026-12")).toBe("December 2026's bill has reached 80% of the cap: the owners were emailed.");
    expect(capAlertWords({ ...cap, alertedLevel: 100 }, "2026-12")).toMatch(/has reached the cap/);
    expect(capAlertWords(cap, "2027-01")).toBeUndefined();
    expect(capAlertWords({ capMinor: null, alertedMonth: null, alertedLevel: null }, "2026-12")).toBeUndefined();
  });

  it("badges invoices Open, Overdue past their grace period, or Paid, and finds the one that pauses the studio", () => {
    const open = { status: "open", graceEndsOn: "2026-11-15" };
    expect(invoiceStatusBadge(open, "2026-11-15")).toEqual({ label: "Open", tone: "warning" });
    expect(invoiceStatusBadge(open, "2026-11-16")).toEqual({ label: "Overdue", tone: "danger" });
    expect(invoiceStatusBadge({ ...open, status: "paid" }, "2026-12-01")).toEqual({ label: "Paid", tone: "success" });
    expect(overdueInvoice([{ ...open, status: "paid" }, open], "2026-11-16")).toBe(open);
    expect(overdueInvoice([open], "2026-11-15")).toBeUndefined();
  });

  it("carries what a new card paid to the usage page, and says it in one line", () => {
    const href = cardSavedHref(BASE, [
      { month: "2026-10", outcome: "paid" },
      { month: "2026-11", outcome: "declined" },
      { month: "2026-09", outcome: "skipped" },
    ]);
    expect(href).toBe("/dashboard/studios/s1/settings/usage?done=card&paid=2026-10&declined=2026-11");
    const params = new URL(href, "https://site.example").searchParams;
    expect(cardSavedWords(params, cardWords({ brand: "visa", last4: "4242" }))).toEqual({
      text: "Card saved: Visa •••• 4242. October 2026 paid. The card was declined for November 2026: pay with another card.",
      ok: false,
    });
    expect(cardSavedWords(new URLSearchParams("done=card&paid=2026-10,2026-11,nonsense"), "Visa •••• 4242")).toEqual({
      text: "Card saved: Visa •••• 4242. October 2026 and November 2026 paid.",
      ok: true,
    });
    expect(cardSavedWords(new URLSearchParams("done=card"), undefined).text).toBe("Card saved.");
  });

  it("reads the price recorded on an invoice, and writes a charge's message as a sentence", () => {
    const price = {
      version: "2026-01",
      from: "2026-01",
      currency: "USD",
      freeActiveStudents: 5,
      perActiveStudentMinor: 150,
      freeEmails: 500,
      perThousandEmailsMinor: 100,
      freeStorageGbMonths: 1,
      perGbMonthMinor: 10,
    };
    expect(priceTermsOf(price)).toBe(price);
    expect(priceTermsOf({ version: "2026-01" })).toBeUndefined();
    expect(sentence("your card was declined")).toBe("Your card was declined.");
    expect(sentence("No card is saved.")).toBe("No card is saved.");
  });
});

describe("a paused studio's refusal", () => {
  const paused: Problem = {
    type: "urn:studiosync:problem:studio.paused",
    title: "Forbidden",
    status: 403,
    code: "studio.paused",
    detail: "This studio is paused until its StudioSync invoice is paid: the workspace is read-only (Settings → Usage and billing)",
  };

  it("is no refusal of the person's role, and is said in the API's words", () => {
    expect(refusedByRole({ status: 403, problem: paused })).toBe(false);
    expect(refusedByRole({ status: 403, problem: { ...paused, code: "role.not_allowed" } })).toBe(true);
    expect(refusedByRole({ status: 409, problem: { ...paused, code: "conflict" } })).toBe(false);
    expect(plainProblem(paused)).toBe(paused.detail);
  });
});
