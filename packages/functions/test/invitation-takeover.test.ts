import { db } from "@studiosync/core/db";
import { beforeAll, describe, expect, it } from "vitest";
import { api, linkToken, ownerWithStudio, signUpBody, uniqueEmail } from "./support/api";
import { readMail } from "@studiosync/local/testing";
import { invitationToken } from "./support/invitations";

type Owner = Awaited<ReturnType<typeof ownerWithStudio>>;
let owner: Owner;
beforeAll(async () => {
  owner = await ownerWithStudio({ studioName: "Takeover Hall" });
});

const accept = (body: Record<string, unknown>) => api("POST", "/v1/public/invitations/accept", { body });
const login = (email: string, password: string) => api("POST", "/v1/auth/login", { body: { email, password } });
const credential = async (email: string) => (await db().entities.credential.get({ email }).go()).data;

/** Someone signs up with the victim's email (never verifies it); the studio then invites that email. */
async function preRegisteredInvitee() {
  const email = uniqueEmail("victim").toLowerCase();
  const attacker = signUpBody({ email, password: "the attacker's password" });
  expect((await api("POST", "/v1/auth/signup", { body: attacker })).status).toBe(202);
  const invited = await api("POST", `/v1/studios/${owner.studio.id}/invitations`, { token: owner.accessToken, body: { email, role: "admin" } });
  expect(invited.status).toBe(201);
  return { email, attacker, token: await invitationToken(email) };
}

describe("issue 10 #1: an invitation never lands on someone's unconfirmed sign-up", { timeout: 90_000 }, () => {
  it("asks the person accepting for a password, replaces the unverified login, and the squatter's password stops working", async () => {
    const { email, attacker, token } = await preRegisteredInvitee();
    const before = await credential(email);
    expect(before?.emailVerifiedAt).toBeUndefined();
    expect(before?.expiresAt).toEqual(expect.any(Number));

    const preview = await api("GET", `/v1/public/invitations/${encodeURIComponent(token)}`);
    expect(preview.body.accountExists).toBe(false);
    // Without a password: 422 naming the fields, nothing joined.
    const bare = await accept({ token });
    expect(bare.status).toBe(422);
    expect(bare.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(["name", "password"]);

    const res = await accept({ token, name: "Real Owner", password: "the real owner's password" });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ email, newAccount: true });
    expect(res.body.userId).not.toBe(before!.userId);
    const me = await api("GET", "/v1/me", { token: res.body.session.accessToken });
    expect(me.body.user).toMatchObject({ name: "Real Owner", emailVerified: true });
    expect(me.body.memberships).toEqual([expect.objectContaining({ role: "admin", studio: expect.objectContaining({ id: owner.studio.id }) })]);

    expect((await login(email, attacker.password)).status).toBe(401);
    expect((await login(email, "the real owner's password")).status).toBe(200);
    const after = await credential(email);
    expect(after).toMatchObject({ userId: res.body.userId, emailVerifiedAt: expect.any(String) });
    expect(after?.expiresAt).toBeUndefined();
  });

  it("ends the unconfirmed sign-up's emailed links: its verification link no longer verifies anything", async () => {
    const { email, attacker, token } = await preRegisteredInvitee();
    const verifyLink = await linkToken(email, "/verify-email");
    expect((await accept({ token, name: "Real Owner", password: "the real owner's password" })).status).toBe(200);
    const stale = await api("POST", "/v1/auth/verify-email", { body: { token: verifyLink } });
    expect(stale.status).toBe(400);
    expect((await login(email, attacker.password)).status).toBe(401);
  });
});

describe("issue 10 #1: unconfirmed sign-ups lapse", { timeout: 90_000 }, () => {
  it("a lapsed unverified sign-up is no account: login and reset treat the email as unknown, and sign-up succeeds again", async () => {
    const body = signUpBody();
    const email = body.email.toLowerCase();
    expect((await api("POST", "/v1/auth/signup", { body })).status).toBe(202);
    const lapsedUserId = (await credential(email))?.userId;
    // DynamoDB Local never runs TTL deletion: make the sign-up's expiry pass.
    await db()
      .entities.credential.patch({ email })
      .set({ expiresAt: Math.floor(Date.now() / 1000) - 60 })
      .go();

    expect((await login(email, body.password)).status).toBe(401);
    expect((await api("POST", "/v1/auth/forgot-password", { body: { email } })).status).toBe(202);
    await expect(readMail(email, { subject: "Reset your", timeoutMs: 500 })).rejects.toThrow(/got 0/);
    const again = await api("POST", "/v1/auth/signup", { body: signUpBody({ email, password: "a fresh password here" }) });
    expect(again.status).toBe(202);
    const replaced = await credential(email);
    expect(replaced?.userId).not.toBe(lapsedUserId);
    expect(replaced?.expiresAt).toBeGreaterThan(Date.now() / 1000);
  });

  it("verifying removes the expiry", async () => {
    const body = signUpBody();
    const email = body.email.toLowerCase();
    expect((await api("POST", "/v1/auth/signup", { body })).status).toBe(202);
    const verify = await linkToken(email, "/verify-email");
    expect((await api("POST", "/v1/auth/verify-email", { body: { token: verify } })).status).toBe(200);
    expect((await credential(email))?.expiresAt).toBeUndefined();
  });
});
