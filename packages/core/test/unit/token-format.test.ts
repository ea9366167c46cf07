import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueAccessToken, verifyAccessToken } from "../../src/accounts/access-token";
import { readLinkToken, signLinkToken } from "../../src/accounts/signed-link";
import { readInvoiceToken, signInvoiceToken } from "../../src/billing/invoices/invoice-token";
import { resetConfig } from "../../src/kernel/config";
import { isCanonicalBase64url, strictSegments } from "../../src/kernel/keys/token-format";

const ROOT = "unit-test-secret-unit-test-secret-0123456789";
const originalSecret = process.env.APP_SECRET;
beforeAll(() => {
  process.env.APP_SECRET = ROOT;
  resetConfig();
});
afterAll(() => {
  // Assigning undefined would store the string "undefined" for the next file (isolate: false).
  if (originalSecret === undefined) delete process.env.APP_SECRET;
  else process.env.APP_SECRET = originalSecret;
  resetConfig();
});

/** Every lenient spelling the issue lists, of a token with `count` segments. */
function variants(token: string): Record<string, string> {
  const parts = token.split(".");
  const last = parts.length - 1;
  const signature = parts[last]!;
  const withSignature = (s: string) => [...parts.slice(0, last), s].join(".");
  return {
    "an extra segment": `${token}.x`,
    "an empty extra segment": `${token}.`,
    "a junk character inside the signature": withSignature(`${signature.slice(0, 5)}!${signature.slice(5)}`),
    "a trailing =": `${token}=`,
    "standard base64 characters": withSignature(signature.replace(/-/g, "+").replace(/_/g, "/") + (/[-_]/.test(signature) ? "" : "+")),
    "non-canonical final bits": withSignature(`${signature.slice(0, -1)}${signature.endsWith("A") ? "B" : "A"}`),
    whitespace: ` ${token}`,
  };
}

describe("issue 10 #4: token parsing is strict", () => {
  it("accepts only canonical unpadded base64url segments", () => {
    expect(isCanonicalBase64url("AQID")).toBe(true);
    expect(isCanonicalBase64url("AQI")).toBe(true);
    expect(isCanonicalBase64url("AQJ")).toBe(false); // same bytes as "AQI", other padding bits
    expect(isCanonicalBase64url("AQI=")).toBe(false);
    expect(isCanonicalBase64url("A")).toBe(false);
    expect(isCanonicalBase64url("")).toBe(false);
    expect(strictSegments("a.b", 3)).toBeNull();
    expect(strictSegments("AQID.AQID", 2)).toEqual(["AQID", "AQID"]);
  });

  it("rejects every lenient spelling of an access token", () => {
    const token = issueAccessToken("user-1", "family-1");
    expect(verifyAccessToken(token).sub).toBe("user-1");
    for (const [name, variant] of Object.entries(variants(token))) {
      expect(() => verifyAccessToken(variant), name).toThrow(/invalid or expired/);
    }
  });

  it("rejects an access token whose header differs from the one issued (other alg, no key id)", () => {
    const [, payload, signature] = issueAccessToken("user-1", "family-1").split(".");
    const none = Buffer.from(JSON.stringify({ alg: "none", typ: "JWT" })).toString("base64url");
    expect(() => verifyAccessToken(`${none}.${payload}.${signature}`)).toThrow();
  });

  it("rejects every lenient spelling of an emailed link and an invoice link", () => {
    const exp = Math.floor(Date.now() / 1000) + 600;
    const link = signLinkToken("link-1", "reset_password", exp);
    expect(readLinkToken(link, "reset_password")).toEqual({ linkId: "link-1" });
    const invoice = signInvoiceToken("studio-1", "invoice-1", exp);
    expect(readInvoiceToken(invoice)).toMatchObject({ studioId: "studio-1", invoiceId: "invoice-1" });
    for (const [name, variant] of Object.entries(variants(link))) {
      expect(() => readLinkToken(variant, "reset_password"), name).toThrow(/invalid or has expired/);
    }
    for (const [name, variant] of Object.entries(variants(invoice))) {
      expect(readInvoiceToken(variant), name).toBeNull();
    }
  });
});
