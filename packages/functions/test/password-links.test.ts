import { describe, expect, it } from "vitest";
import { readMail, extractLink } from "@studiosync/local/testing";
import { api, ownerWithStudio, signUpBody } from "./support/api";

/** The tokens of every reset link emailed to `email` so far (waits for `count`). */
async function resetTokens(email: string, count: number) {
  const mails = await readMail(email, { count, subject: "Reset your" });
  return mails.map((mail) => new URL(extractLink(mail.body.text ?? "", "/reset-password")).searchParams.get("token")!);
}

const reset = (token: string, password: string) => api("POST", "/v1/auth/reset-password", { body: { token, password } });

describe("issue 10 #3: a password change ends every outstanding link", { timeout: 90_000 }, () => {
  it("two reset links requested, the first used: the second no longer changes the password", async () => {
    const owner = await ownerWithStudio();
    for (let i = 0; i < 2; i++) expect((await api("POST", "/v1/auth/forgot-password", { body: { email: owner.email } })).status).toBe(202);
    const [first, second] = await resetTokens(owner.email, 2);

    expect((await reset(first!, "the first new password")).status).toBe(204);
    const late = await reset(second!, "the attacker's password");
    expect(late.status).toBe(400);
    expect(late.body).toMatchObject({ code: "invalid_token" });
    expect(late.body.detail).toMatch(/password was changed/);
    expect((await api("POST", "/v1/auth/login", { body: { email: owner.email, password: "the attacker's password" } })).status).toBe(401);
    expect((await api("POST", "/v1/auth/login", { body: { email: owner.email, password: "the first new password" } })).status).toBe(200);
  });

  it("a link requested after the change works", async () => {
    const owner = await ownerWithStudio();
    expect((await api("POST", "/v1/auth/forgot-password", { body: { email: owner.email } })).status).toBe(202);
    const [first] = await resetTokens(owner.email, 1);
    expect((await reset(first!, "the first new password")).status).toBe(204);
    expect((await api("POST", "/v1/auth/forgot-password", { body: { email: owner.email } })).status).toBe(202);
    const tokens = await resetTokens(owner.email, 2);
    expect((await reset(tokens[1]!, "the second new password")).status).toBe(204);
  });

  it("a reset ends an unverified account's outstanding verification link", async () => {
    const body = signUpBody();
    const email = body.email.toLowerCase();
    expect((await api("POST", "/v1/auth/signup", { body })).status).toBe(202);
    const verifyMail = await readMail(email, { subject: "Confirm your email" });
    const verifyToken = new URL(extractLink(verifyMail[0]!.body.text ?? "", "/verify-email")).searchParams.get("token")!;
    expect((await api("POST", "/v1/auth/forgot-password", { body: { email } })).status).toBe(202);
    const [token] = await resetTokens(email, 1);
    expect((await reset(token!, "a brand new passphrase")).status).toBe(204);
    const stale = await api("POST", "/v1/auth/verify-email", { body: { token: verifyToken } });
    expect(stale.status).toBe(400);
    expect(stale.body.detail).toMatch(/password was changed/);
  });
});
