import { describe, expect, it } from "vitest";
import { readMail } from "@studiosync/local/testing";
import { api, linkToken, ownerWithStudio } from "./support/api";
import { appInMidWindow } from "./support/clock";

/** The limits count in fixed 15-minute windows: these sign-ins happen in the middle of one. */
const midWindow = appInMidWindow(15 * 60_000);
const login = (email: string, password: string, ip?: string) => api("POST", "/v1/auth/login", { body: { email, password }, ip, app: midWindow });

describe("issue 10 #6: a stranger cannot lock the owner out", () => {
  it("lets the right password in after a stranger's ten wrong ones, while wrong guesses get 429", async () => {
    const owner = await ownerWithStudio();
    for (let i = 0; i < 10; i++) expect((await login(owner.email, `stranger-guess-${i}`, "203.0.113.66")).status).toBe(401);
    const guess = await login(owner.email, "stranger-guess-11", "203.0.113.67");
    expect(guess.status).toBe(429);
    expect(Number(guess.headers.get("Retry-After"))).toBeGreaterThan(0);

    const mine = await login(owner.email, owner.password, "198.51.100.7");
    expect(mine.status).toBe(200);
    expect(mine.body.accessToken).toEqual(expect.any(String));
  }, 60_000);

  it("keeps an IP that guessed too often out, even with a right password", async () => {
    const owner = await ownerWithStudio();
    const ip = `192.0.2.${Math.floor(Math.random() * 250) + 1}`;
    // 100 wrong passwords per IP per window, spread over many emails (no per-email limit is hit).
    for (let i = 0; i < 100; i++) {
      expect((await login(`nobody-${i}-${owner.email}`, "wrong password", ip)).status).toBe(401);
    }
    expect((await login(owner.email, owner.password, ip)).status).toBe(429);
    expect((await login(owner.email, owner.password)).status).toBe(200);
  }, 120_000);

  it("still gets the owner a working reset link after a stranger's reset requests", async () => {
    const owner = await ownerWithStudio();
    for (let i = 0; i < 6; i++) {
      expect((await api("POST", "/v1/auth/forgot-password", { body: { email: owner.email }, ip: "203.0.113.66" })).status).toBe(202);
    }
    // The owner's own request answers as always; their inbox already holds valid links.
    const own = await api("POST", "/v1/auth/forgot-password", { body: { email: owner.email }, ip: "198.51.100.7" });
    expect(own.status).toBe(202);
    expect(await readMail(owner.email, { subject: "Reset your", count: 5 })).toHaveLength(5);

    const token = await linkToken(owner.email, "/reset-password", 5);
    const reset = await api("POST", "/v1/auth/reset-password", { body: { token, password: "the owner's new passphrase" } });
    expect(reset.status).toBe(204);
    expect((await login(owner.email, "the owner's new passphrase")).status).toBe(200);
  });
});
