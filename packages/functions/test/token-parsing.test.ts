import { describe, expect, it } from "vitest";
import { api, linkToken, ownerWithStudio } from "./support/api";

/** The lenient spellings of issue 10 #4, applied to a token whose last segment is the signature. */
function lenient(token: string): Record<string, string> {
  const parts = token.split(".");
  const signature = parts.pop()!;
  const signed = (s: string) => [...parts, s].join(".");
  return {
    "<token>.x": `${token}.x`,
    "a junk character inside the signature": signed(`${signature.slice(0, 10)}*${signature.slice(10)}`),
    "a trailing =": `${token}=`,
    "padding inside the signature": signed(`${signature}==`),
  };
}

describe("issue 10 #4: token parsing is strict", { timeout: 90_000 }, () => {
  it("refuses every lenient spelling of an access token with 401 problem+json", async () => {
    const owner = await ownerWithStudio();
    expect((await api("GET", "/v1/me", { token: owner.accessToken })).status).toBe(200);
    for (const [what, token] of Object.entries(lenient(owner.accessToken))) {
      const res = await api("GET", `/v1/studios/${owner.studio.id}`, { token });
      expect(res.status, what).toBe(401);
      expect(res.headers.get("Content-Type"), what).toMatch(/problem\+json/);
    }
  });

  it("refuses every lenient spelling of an emailed link with 400 invalid_token, and the real link still works", async () => {
    const owner = await ownerWithStudio();
    expect((await api("POST", "/v1/auth/forgot-password", { body: { email: owner.email } })).status).toBe(202);
    const token = await linkToken(owner.email, "/reset-password");
    for (const [what, bad] of Object.entries(lenient(token))) {
      const res = await api("POST", "/v1/auth/reset-password", { body: { token: bad, password: "a lenient passphrase" } });
      expect(res.status, what).toBe(400);
      expect(res.body.code, what).toBe("invalid_token");
    }
    expect((await api("POST", "/v1/auth/reset-password", { body: { token, password: "the real new passphrase" } })).status).toBe(204);
  });
});
