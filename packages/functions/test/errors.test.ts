import { describe, expect, it } from "vitest";
import { createApp } from "../src/app";
import { api, signUpBody } from "./support/api";
import { appInMidWindow } from "./support/clock";

describe("error handling", () => {
  it("answers unknown errors with a 500 problem carrying the request id and nothing internal", async () => {
    const app = createApp();
    app.get("/v1/explode", () => {
      throw new Error("connection string postgres://secret@db");
    });
    const res = await app.request("/v1/explode");
    const body = await res.json();
    expect(res.status).toBe(500);
    expect(body).toMatchObject({ status: 500, code: "internal_error", requestId: res.headers.get("X-Request-Id") });
    expect(JSON.stringify(body)).not.toContain("secret");
  });

  it("limits failed logins per client IP across emails", async () => {
    // An address no other test uses (in 198.18.0.0/15, for benchmarks), so no other file counts against it.
    const ip = `198.19.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    // The per-IP window is 15 minutes: a hundred attempts must not straddle two windows.
    const app = appInMidWindow(15 * 60_000);
    for (let i = 0; i < 100; i++) {
      const res = await api("POST", "/v1/auth/login", { body: { email: signUpBody().email, password: "wrong password" }, ip, app });
      expect(res.status).toBe(401);
    }
    const limited = await api("POST", "/v1/auth/login", { body: { email: signUpBody().email, password: "wrong password" }, ip, app });
    expect(limited.status).toBe(429);
    const otherIp = await api("POST", "/v1/auth/login", {
      body: { email: signUpBody().email, password: "wrong password" },
      ip: "198.51.100.7",
      app,
    });
    expect(otherIp.status).toBe(401);
  });
});
