import { db } from "@studiosync/core/db";
import { INVITATION_LIMITS } from "@studiosync/core/invitations";
import { counterKey } from "@studiosync/core/rate-limit";
import { describe, expect, it } from "vitest";
import { readMail } from "@studiosync/local/testing";
import { api, ownerWithStudio, signUpBody, uniqueEmail, type ApiResponse } from "./support/api";

type Owner = Awaited<ReturnType<typeof ownerWithStudio>>;

const invite = (owner: Owner, email: string) =>
  api("POST", `/v1/studios/${owner.studio.id}/invitations`, { token: owner.accessToken, body: { email, role: "admin" } });
const resend = (owner: Owner, invitationId: string) =>
  api("POST", `/v1/studios/${owner.studio.id}/invitations/${invitationId}/resend`, { token: owner.accessToken });

function expectRateLimited(res: ApiResponse) {
  expect(res.status).toBe(429);
  expect(res.headers.get("Content-Type")).toContain("application/problem+json");
  expect(res.body).toMatchObject({ status: 429, code: "rate_limited" });
  expect(Number(res.headers.get("Retry-After"))).toBeGreaterThan(0);
}

describe("issue 10 #12: invitations cannot relay mail", () => {
  it("limits invitation emails per recipient per day, across studios, for new invitations and resends", async () => {
    const [studioA, studioB] = await Promise.all([ownerWithStudio(), ownerWithStudio()]);
    const victim = uniqueEmail("victim").toLowerCase();
    const created = await invite(studioA, victim);
    expect(created.status).toBe(201);
    for (let i = 0; i < 4; i++) expect((await resend(studioA, created.body.id)).status).toBe(200);

    expectRateLimited(await resend(studioA, created.body.id));
    expectRateLimited(await invite(studioB, victim));
    expect(await readMail(victim, { subject: "Invitation to join", count: 5 })).toHaveLength(5);
    await expect(readMail(victim, { subject: "Invitation to join", count: 6, timeoutMs: 500 })).rejects.toThrow(/got 5/);
    // Someone else can still be invited.
    expect((await invite(studioB, uniqueEmail("colleague"))).status).toBe(201);
  });

  it("limits invitation emails per studio per day", async () => {
    const owner = await ownerWithStudio();
    // The studio already sent all but one of its invitations today (200 real requests take minutes here).
    const key = counterKey(INVITATION_LIMITS.perStudio, owner.studio.id);
    await db()
      .entities.rateCounter.create({ bucket: key.bucket, window: key.window, count: key.limit.max - 1, expiresAt: key.expiresAt })
      .go();
    expect((await invite(owner, uniqueEmail("last"))).status).toBe(201);
    const limited = await invite(owner, uniqueEmail("one-too-many"));
    expectRateLimited(limited);
    expect(Number(limited.headers.get("Retry-After"))).toBeLessThanOrEqual(24 * 60 * 60);
    // Other studios are not affected.
    expect((await invite(await ownerWithStudio(), uniqueEmail("elsewhere"))).status).toBe(201);
  });

  it("puts the studio name in the subject only bounded, stripped of control characters and quoted", async () => {
    const name = `Free\u202Egift card\u2066 — claim now at evil.example ${"x".repeat(60)}`;
    const owner = await ownerWithStudio({ studioName: name });
    const email = uniqueEmail("invitee").toLowerCase();
    expect((await invite(owner, email)).status).toBe(201);
    const [mail] = await readMail(email, { subject: "Invitation to join" });
    expect(mail!.subject).toMatch(/^Invitation to join “[^”]{1,40}” on StudioSync$/);
    expect(mail!.subject).toContain("Free gift card — claim");
    expect(mail!.subject).not.toMatch(/[\u0000-\u001f\u007f\u202a-\u202e]/);
    expect(mail!.subject).toContain("…");
  });
});

describe("issue 10 #12: every unauthenticated route that sends mail is rate-limited", () => {
  it.each(["/v1/auth/forgot-password", "/v1/auth/resend-verification"])("%s refuses an IP past its limit", async (path) => {
    const ip = `192.0.2.${Math.floor(Math.random() * 250) + 1}`;
    for (let i = 0; i < 50; i++) expect((await api("POST", path, { body: { email: uniqueEmail("anyone") }, ip })).status).toBe(202);
    expectRateLimited(await api("POST", path, { body: { email: uniqueEmail("anyone") }, ip }));
  });

  it("sign-up refuses an IP past its limit and caps emails per address", async () => {
    const ip = `192.0.2.${Math.floor(Math.random() * 250) + 1}`;
    for (let i = 0; i < 20; i++) expect((await api("POST", "/v1/auth/signup", { body: signUpBody(), ip })).status).toBe(202);
    expectRateLimited(await api("POST", "/v1/auth/signup", { body: signUpBody(), ip }));
  }, 60_000);
});
