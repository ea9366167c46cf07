import { describe, expect, it } from "vitest";
import { api, dbCost, ownerWithStudio, signUpBody } from "./support/api";
import { appInMidWindow } from "./support/clock";

describe("sessions: login, refresh, logout, me", () => {
  it("rotates refresh tokens and serves /v1/me with the owner's studio", async () => {
    const owner = await ownerWithStudio();
    const me = await api("GET", "/v1/me", { token: owner.accessToken });
    expect(me.status).toBe(200);
    expect(me.body).toEqual({
      user: { id: owner.userId, email: owner.email, name: "Ada Owner", phone: null, emailVerified: true },
      memberships: [
        {
          role: "owner",
          studio: expect.objectContaining({ id: owner.studio.id, name: owner.studio.name, slug: owner.studio.slug, timeZone: expect.any(String) }),
          teacherId: null,
          studentId: null,
          familyId: null,
        },
      ],
      unreadNotifications: 0,
    });
    // The user, their memberships and their studios, and the bell's unread count (in parallel).
    expect(dbCost(me.headers).calls).toBeLessThanOrEqual(4);

    const refreshed = await api("POST", "/v1/auth/refresh", { body: { refreshToken: owner.refreshToken } });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refreshToken).not.toBe(owner.refreshToken);
    expect((await api("GET", "/v1/me", { token: refreshed.body.accessToken })).status).toBe(200);
    const again = await api("POST", "/v1/auth/refresh", { body: { refreshToken: refreshed.body.refreshToken } });
    expect(again.status).toBe(200);
  });

  it("revokes the whole sign-in when a used refresh token is presented again", async () => {
    const owner = await ownerWithStudio();
    const next = await api("POST", "/v1/auth/refresh", { body: { refreshToken: owner.refreshToken } });
    expect(next.status).toBe(200);

    const replay = await api("POST", "/v1/auth/refresh", { body: { refreshToken: owner.refreshToken } });
    expect(replay.status).toBe(401);
    expect(replay.body.detail).toMatch(/already used/);
    // The legitimate holder's newer token is revoked with the family.
    const victim = await api("POST", "/v1/auth/refresh", { body: { refreshToken: next.body.refreshToken } });
    expect(victim.status).toBe(401);
    // Another sign-in of the same user is unaffected.
    const other = await api("POST", "/v1/auth/login", { body: { email: owner.email, password: owner.password } });
    expect((await api("POST", "/v1/auth/refresh", { body: { refreshToken: other.body.refreshToken } })).status).toBe(200);
  });

  it("logout ends the sign-in", async () => {
    const owner = await ownerWithStudio();
    const out = await api("POST", "/v1/auth/logout", { body: { refreshToken: owner.refreshToken } });
    expect(out.status).toBe(204);
    expect((await api("POST", "/v1/auth/refresh", { body: { refreshToken: owner.refreshToken } })).status).toBe(401);
    expect((await api("POST", "/v1/auth/logout", { body: { refreshToken: "never-issued" } })).status).toBe(204);
  });

  it("gives the same answer for a wrong password and an unknown email", async () => {
    const owner = await ownerWithStudio();
    const wrong = await api("POST", "/v1/auth/login", { body: { email: owner.email, password: "not the password" } });
    const unknown = await api("POST", "/v1/auth/login", { body: { email: `nobody-${owner.email}`, password: "not the password" } });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(unknown.body.detail).toBe(wrong.body.detail);
  });

  it("rate-limits failed logins per email, for existing and unknown emails alike", async () => {
    // The limit counts in fixed 15-minute windows: the attempts happen in the middle of one.
    const app = appInMidWindow(15 * 60_000);
    for (const email of [(await ownerWithStudio()).email, signUpBody().email]) {
      for (let i = 0; i < 10; i++) {
        expect((await api("POST", "/v1/auth/login", { body: { email, password: `guess-${i}` }, app })).status).toBe(401);
      }
      const limited = await api("POST", "/v1/auth/login", { body: { email, password: "guess-11" }, app });
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get("Retry-After"))).toBeGreaterThan(0);
    }
  }, 60_000);

  it("rejects missing, tampered and expired access tokens", async () => {
    const owner = await ownerWithStudio();
    const none = await api("GET", "/v1/me");
    expect(none.status).toBe(401);
    expect(none.headers.get("WWW-Authenticate")).toContain("Bearer");
    const [h, p, s] = owner.accessToken.split(".");
    const payload = JSON.parse(Buffer.from(p!, "base64url").toString());
    const forged = Buffer.from(JSON.stringify({ ...payload, sub: "someone-else" })).toString("base64url");
    expect((await api("GET", "/v1/me", { token: `${h}.${forged}.${s}` })).status).toBe(401);
    const expired = Buffer.from(JSON.stringify({ ...payload, exp: 1 })).toString("base64url");
    expect((await api("GET", "/v1/me", { token: `${h}.${expired}.${s}` })).status).toBe(401);
    expect((await api("GET", "/v1/me", { token: "garbage" })).status).toBe(401);
    expect((await api("POST", "/v1/auth/refresh", { body: { refreshToken: "garbage" } })).status).toBe(401);
  });
});
