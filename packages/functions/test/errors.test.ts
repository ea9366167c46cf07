import { describe, expect, it } from "vitest";
import { createApp } from "../src/app";
import { api, signUpBody } from "./support/api";

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
    const ip = `203.0.113.${Math.floor(Math.random() * 250)}`;
    for (let i = 0; i < 100; i++) {
      const res = await api("POST", "/v1/auth/login", { body: { email: signUpBody().email, password: "wrong password" }, ip });
      expect(res.status).toBe(401);
    }
    const limited = await api("POST", "/v1/auth/login", { body: { email: signUpBody().email, password: "wrong password" }, ip });
    expect(limited.status).toBe(429);
    const otherIp = await api("POST", "/v1/auth/login", {
      body: { email: signUpBody().email, password: "wrong password" },
      ip: "198.51.100.7",
    });
    expect(otherIp.status).toBe(401);
  });
});
