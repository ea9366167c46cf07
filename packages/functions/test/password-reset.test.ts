import { describe, expect, it } from "vitest";
import { signLinkToken } from "@studiosync/core/accounts";
import { extractLink, readMail } from "@studiosync/local/testing";
import { api, dbCost, linkToken, ownerWithStudio, signUpBody } from "./support/api";

describe("verify-email and reset-password links", () => {
  it("resets a password by email: old password refused, old sessions ended, link single-use", async () => {
    const owner = await ownerWithStudio();
    expect((await api("POST", "/v1/auth/forgot-password", { body: { email: owner.email } })).status).toBe(202);
    const token = await linkToken(owner.email, "/reset-password");

    const reset = await api("POST", "/v1/auth/reset-password", { body: { token, password: "a brand new passphrase" } });
    expect(reset.status).toBe(204);
    expect((await api("POST", "/v1/auth/login", { body: { email: owner.email, password: owner.password } })).status).toBe(401);
    expect((await api("POST", "/v1/auth/login", { body: { email: owner.email, password: "a brand new passphrase" } })).status).toBe(200);
    expect((await api("POST", "/v1/auth/refresh", { body: { refreshToken: owner.refreshToken } })).status).toBe(401);

    const reuse = await api("POST", "/v1/auth/reset-password", { body: { token, password: "yet another passphrase" } });
    expect(reuse.status).toBe(400);
    expect(reuse.body.detail).toMatch(/already been used/);
  });

  it("checks a reset link without using it: usable, then used; outdated, expired and invalid named", async () => {
    const owner = await ownerWithStudio();
    await api("POST", "/v1/auth/forgot-password", { body: { email: owner.email } });
    await api("POST", "/v1/auth/forgot-password", { body: { email: owner.email } });
    const mails = await readMail(owner.email, { count: 2, subject: "Reset your" });
    const [older, newer] = mails.map((m) => new URL(extractLink(m.body.text ?? "", "/reset-password")).searchParams.get("token")!);
    const check = (token: string) => api("POST", "/v1/auth/reset-password/check", { body: { token } });

    for (let i = 0; i < 2; i++) expect((await check(newer!)).body).toEqual({ state: "usable" });
    expect((await api("POST", "/v1/auth/reset-password", { body: { token: newer, password: "a brand new passphrase" } })).status).toBe(204);
    expect((await check(newer!)).body).toEqual({ state: "used" });
    expect((await check(older!)).body).toEqual({ state: "outdated" });

    const expired = signLinkToken("0190f0f0-0000-7000-8000-000000000000", "reset_password", Math.floor(Date.now() / 1000) - 1);
    expect((await check(expired)).body).toEqual({ state: "expired" });
    const verifyLink = signLinkToken("0190f0f0-0000-7000-8000-000000000000", "verify_email", Math.floor(Date.now() / 1000) + 60);
    expect((await check(verifyLink)).body).toEqual({ state: "invalid" });
    expect((await check("not-a-token")).body).toEqual({ state: "invalid" });
    expect((await api("POST", "/v1/auth/reset-password/check", { body: {} })).status).toBe(422);
  });

  it("answers forgot-password the same for unknown emails and sends nothing", async () => {
    const email = signUpBody().email;
    expect((await api("POST", "/v1/auth/forgot-password", { body: { email } })).status).toBe(202);
    await expect(readMail(email, { timeoutMs: 500 })).rejects.toThrow(/got 0/);
  });

  it("sends one reset email for retries under the same Idempotency-Key, in two DynamoDB calls", async () => {
    const owner = await ownerWithStudio();
    const headers = { "Idempotency-Key": `forgot-${owner.userId}` };
    const first = await api("POST", "/v1/auth/forgot-password", { body: { email: owner.email }, headers });
    const retry = await api("POST", "/v1/auth/forgot-password", { body: { email: owner.email }, headers });
    expect([first.status, retry.status]).toEqual([202, 202]);
    expect(dbCost(first.headers).calls).toBe(2);
    expect(dbCost(retry.headers).calls).toBe(1);
    const other = await api("POST", "/v1/auth/forgot-password", { body: { email: `x${owner.email}` }, headers });
    // An anonymous caller's key is bound to the exact request (issue 10 #9): another request under
    // the same key is a request of its own, never a replay of the first one's answer.
    expect(other.status).toBe(202);
    expect(other.headers.get("Idempotent-Replayed")).toBeNull();
    expect(await readMail(owner.email, { subject: "Reset your" })).toHaveLength(1);
    await expect(readMail(owner.email, { subject: "Reset your", count: 2, timeoutMs: 500 })).rejects.toThrow(/got 1/);
  });

  it("caps reset emails per address, answering the same past the cap", async () => {
    const owner = await ownerWithStudio();
    for (let i = 0; i < 6; i++) expect((await api("POST", "/v1/auth/forgot-password", { body: { email: owner.email } })).status).toBe(202);
    expect(await readMail(owner.email, { subject: "Reset your", count: 5 })).toHaveLength(5);
    await expect(readMail(owner.email, { subject: "Reset your", count: 6, timeoutMs: 500 })).rejects.toThrow(/got 5/);
  });

  it("rejects tampered, expired, wrong-purpose and reused links", async () => {
    const body = signUpBody();
    await api("POST", "/v1/auth/signup", { body });
    const token = await linkToken(body.email, "/verify-email");
    const [kid, payload, sig] = token.split(".");
    const tampered = `${kid}.${payload}.${sig!.slice(0, -2)}xx`;
    const expired = signLinkToken("0190f0f0-0000-7000-8000-000000000000", "verify_email", Math.floor(Date.now() / 1000) - 1);

    for (const bad of [tampered, expired, "nonsense", `${kid}.${payload}`]) {
      const res = await api("POST", "/v1/auth/verify-email", { body: { token: bad } });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe("invalid_token");
    }
    // A verification link is not a reset link.
    expect((await api("POST", "/v1/auth/reset-password", { body: { token, password: "some new passphrase" } })).status).toBe(400);

    expect((await api("POST", "/v1/auth/verify-email", { body: { token } })).status).toBe(200);
    expect((await api("POST", "/v1/auth/verify-email", { body: { token } })).status).toBe(400);
  });

  it("resends a verification link to unverified accounts only", async () => {
    const body = signUpBody();
    await api("POST", "/v1/auth/signup", { body });
    expect((await api("POST", "/v1/auth/resend-verification", { body: { email: body.email } })).status).toBe(202);
    const token = await linkToken(body.email, "/verify-email", 2);
    expect((await api("POST", "/v1/auth/verify-email", { body: { token } })).status).toBe(200);
    expect((await api("POST", "/v1/auth/resend-verification", { body: { email: body.email } })).status).toBe(202);
    await expect(readMail(body.email, { count: 3, timeoutMs: 500 })).rejects.toThrow(/got 2/);
  });
});
