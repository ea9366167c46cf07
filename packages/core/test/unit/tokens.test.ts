import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueAccessToken, verifyAccessToken } from "../../src/accounts/access-token";
import { hashPassword, verifyPassword } from "../../src/accounts/password";
import { readLinkToken, signLinkToken } from "../../src/accounts/signed-link";
import { resetConfig } from "../../src/kernel/config";

const originalSecret = process.env.APP_SECRET;
beforeAll(() => {
  process.env.APP_SECRET ??= "unit-test-secret-unit-test-secret-0123456789";
  resetConfig();
});
afterAll(() => {
  // Assigning undefined would store the string "undefined" for the next file (isolate: false).
  if (originalSecret === undefined) delete process.env.APP_SECRET;
  else process.env.APP_SECRET = originalSecret;
  resetConfig();
});

describe("access tokens", () => {
  it("round-trips and expires after 15 minutes", () => {
    const now = Date.UTC(2026, 10, 22, 12);
    const token = issueAccessToken("user-1", "family-1", now);
    expect(verifyAccessToken(token, now + 14 * 60_000)).toMatchObject({ sub: "user-1", sid: "family-1" });
    expect(() => verifyAccessToken(token, now + 15 * 60_000)).toThrow(/invalid or expired/);
  });

  it("rejects a token signed with another secret", () => {
    const token = issueAccessToken("user-1", "family-1");
    process.env.APP_SECRET = "another-secret-another-secret-0123456789";
    resetConfig();
    expect(() => verifyAccessToken(token)).toThrow();
  });
});

describe("signed email links", () => {
  it("checks signature, purpose and expiry before any lookup", () => {
    const exp = Math.floor(Date.now() / 1000) + 60;
    const token = signLinkToken("link-1", "reset_password", exp);
    expect(readLinkToken(token, "reset_password")).toEqual({ linkId: "link-1" });
    expect(() => readLinkToken(token, "verify_email")).toThrow();
    expect(() => readLinkToken(token, "reset_password", (exp + 1) * 1000)).toThrow();
    // The signature's first character: all six of its bits are signature (the last one's low bits are padding).
    const [kid, payload, signature] = token.split(".") as [string, string, string];
    const tampered = `${kid}.${payload}.${signature[0] === "A" ? "B" : "A"}${signature.slice(1)}`;
    expect(() => readLinkToken(tampered, "reset_password")).toThrow();
  });
});

describe("password hashing", () => {
  it("salts each hash and verifies only the right password", async () => {
    const [a, b] = await Promise.all([hashPassword("correct horse battery"), hashPassword("correct horse battery")]);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(await verifyPassword("correct horse battery", a)).toBe(true);
    expect(await verifyPassword("correct horse batterY", a)).toBe(false);
    expect(await verifyPassword("anything", "garbage")).toBe(false);
  });
});
