import { describe, expect, it } from "vitest";
import { api, dbCost, linkToken, ownerWithStudio } from "./support/api";

type Owner = Awaited<ReturnType<typeof ownerWithStudio>>;

const me = (token: string) => api("GET", "/v1/me", { token });
const studio = (owner: Owner, token: string) => api("GET", `/v1/studios/${owner.studio.id}`, { token });
const login = async (owner: Owner, password = owner.password) => {
  const res = await api("POST", "/v1/auth/login", { body: { email: owner.email, password } });
  expect(res.status).toBe(200);
  return res.body as { accessToken: string; refreshToken: string };
};

/** The access token answers 401 (problem+json) on a studio route and on /v1/me. */
async function expectEnded(owner: Owner, token: string) {
  for (const res of [await studio(owner, token), await me(token)]) {
    expect(res.status).toBe(401);
    expect(res.headers.get("Content-Type")).toMatch(/application\/problem\+json/);
    expect(res.body.detail).toMatch(/sign-in has ended/);
  }
}

describe("issue 10 #2: an access token ends with its sign-in", { timeout: 90_000 }, () => {
  it("logout ends the access token at once, and only that sign-in's", async () => {
    const owner = await ownerWithStudio();
    const other = await login(owner);
    expect((await studio(owner, owner.accessToken)).status).toBe(200);
    expect((await api("POST", "/v1/auth/logout", { body: { refreshToken: owner.refreshToken } })).status).toBe(204);
    await expectEnded(owner, owner.accessToken);
    expect((await studio(owner, other.accessToken)).status).toBe(200);
    expect((await me(other.accessToken)).status).toBe(200);
  });

  it("refresh-token reuse ends every access token of that sign-in at once", async () => {
    const owner = await ownerWithStudio();
    const rotated = await api("POST", "/v1/auth/refresh", { body: { refreshToken: owner.refreshToken } });
    expect(rotated.status).toBe(200);
    expect((await studio(owner, rotated.body.accessToken)).status).toBe(200);
    expect((await api("POST", "/v1/auth/refresh", { body: { refreshToken: owner.refreshToken } })).status).toBe(401);
    await expectEnded(owner, owner.accessToken);
    await expectEnded(owner, rotated.body.accessToken);
  });

  it("a password reset ends every sign-in's access token at once", async () => {
    const owner = await ownerWithStudio();
    const second = await login(owner);
    expect((await api("POST", "/v1/auth/forgot-password", { body: { email: owner.email } })).status).toBe(202);
    const token = await linkToken(owner.email, "/reset-password");
    expect((await api("POST", "/v1/auth/reset-password", { body: { token, password: "a brand new passphrase" } })).status).toBe(204);
    await expectEnded(owner, owner.accessToken);
    await expectEnded(owner, second.accessToken);
    const fresh = await login(owner, "a brand new passphrase");
    expect((await studio(owner, fresh.accessToken)).status).toBe(200);
  });

  it("checks the sign-in inside the read the request already makes: no extra DynamoDB call", async () => {
    const owner = await ownerWithStudio();
    // The same counts as before the check existed: one BatchGetItem for a studio route, and
    // /v1/me's user read, memberships query and studios read (and, beside them, the bell's unread count).
    expect(dbCost((await studio(owner, owner.accessToken)).headers).calls).toBe(1);
    expect(dbCost((await me(owner.accessToken)).headers).calls).toBe(4);
    expect(dbCost((await api("GET", `/v1/studios/${owner.studio.id}/members`, { token: owner.accessToken })).headers).calls).toBe(3);
  });
});
