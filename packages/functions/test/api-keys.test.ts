import { apiKeysDb } from "@studiosync/core/api-keys";
import { db } from "@studiosync/core/db";
import { LIMITS, counterKey } from "@studiosync/core/rate-limit";
import { describe, expect, it } from "vitest";
import { api, ownerWithStudio } from "./support/api";
import { auditActions } from "./support/people";

type Owner = Awaited<ReturnType<typeof ownerWithStudio>>;

const createKey = (owner: Owner, body: Record<string, unknown>, token = owner.accessToken) =>
  api("POST", `/v1/studios/${owner.studio.id}/api-keys`, { token, body });
const withKey = (key: string, method: string, path: string, body?: unknown) => api(method, path, { token: key, ...(body ? { body } : {}) });
const keyIdOf = (token: string) => token.slice(4, 20);

describe("studio API keys", () => {
  it("are shown once, stored hashed, and call the studio's routes within their scopes", async () => {
    const owner = await ownerWithStudio();
    const studio = `/v1/studios/${owner.studio.id}`;
    const created = await createKey(owner, { name: "Front desk sync", scopes: ["write", "read"] });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const token = created.body.token as string;
    expect(token).toMatch(/^ssk_[A-Za-z0-9_-]{16}_[A-Za-z0-9_-]{43}$/);
    expect(created.body).toMatchObject({ name: "Front desk sync", scopes: ["read", "write"], status: "active", lastUsedAt: null });
    const stored = (await apiKeysDb().entities.apiKey.get({ keyId: created.body.id }).go()).data!;
    expect(JSON.stringify(stored)).not.toContain(token.slice(21));
    const listed = await api("GET", `${studio}/api-keys`, { token: owner.accessToken });
    expect(listed.body.items).toEqual([expect.objectContaining({ id: created.body.id, prefix: expect.stringMatching(/^ssk_.{6}…$/) })]);
    expect(JSON.stringify(listed.body)).not.toContain(token);

    // Read and write: the studio's people, as an admin would.
    expect((await withKey(token, "GET", `${studio}/students`)).status).toBe(200);
    const student = await withKey(token, "POST", `${studio}/students`, { firstName: "Api", lastName: "Made" });
    expect(student.status, JSON.stringify(student.body)).toBe(201);
    const [event] = (await db().entities.auditEvent.query.auditByEntity({ studioId: owner.studio.id, entityType: "student", entityId: student.body.id }).go())
      .data;
    expect(event?.actorId).toBe(`apikey:${created.body.id}`);

    // Not billing without its scope; never the people-only areas; nothing outside the studio; another studio is not there.
    const invoices = await withKey(token, "GET", `${studio}/invoices`);
    expect([invoices.status, invoices.body.code]).toEqual([403, "api_key.scope"]);
    for (const path of [`${studio}/members`, `${studio}/api-keys`, "/v1/me"]) {
      const refused = await withKey(token, "GET", path);
      expect([path, refused.status, refused.body.code]).toEqual([path, 403, "api_key.studio_routes_only"]);
    }
    const other = await ownerWithStudio();
    const elsewhere = await withKey(token, "GET", `/v1/studios/${other.studio.id}/students`);
    expect(elsewhere.status).toBe(404);
    expect(JSON.stringify(elsewhere.body)).not.toContain(other.studio.name);

    // Its last use is recorded (at most once a minute).
    const used = (await apiKeysDb().entities.apiKey.get({ keyId: created.body.id }).go({ consistent: true })).data!;
    expect(used.lastUsedAt).toEqual(expect.any(String));
  });

  it("refuses a read-only key's changes, a billing key reaches billing, and a wrong, revoked or expired key is 401", async () => {
    const owner = await ownerWithStudio();
    const studio = `/v1/studios/${owner.studio.id}`;
    const reader = (await createKey(owner, { name: "Reports", scopes: ["read"] })).body;
    const change = await withKey(reader.token, "POST", `${studio}/students`, { firstName: "No", lastName: "Way" });
    expect([change.status, change.body.code]).toEqual([403, "api_key.scope"]);
    const billing = (await createKey(owner, { name: "Accounting", scopes: ["billing"], expiresInDays: 30 })).body;
    expect((await withKey(billing.token, "GET", `${studio}/invoices`)).status).toBe(200);
    expect((await withKey(billing.token, "GET", `${studio}/usage`)).status).toBe(200);
    expect((await withKey(billing.token, "GET", `${studio}/students`)).status).toBe(403);

    const tampered = `${reader.token.slice(0, -1)}${reader.token.endsWith("A") ? "B" : "A"}`;
    expect((await withKey(tampered, "GET", `${studio}/students`)).status).toBe(401);
    expect((await withKey("ssk_not-a-key", "GET", `${studio}/students`)).status).toBe(401);

    const revoked = await api("DELETE", `${studio}/api-keys/${reader.id}`, { token: owner.accessToken });
    expect(revoked.body).toMatchObject({ status: "revoked", revokedAt: expect.any(String) });
    expect((await withKey(reader.token, "GET", `${studio}/students`)).status).toBe(401);
    expect((await api("DELETE", `${studio}/api-keys/${reader.id}`, { token: owner.accessToken })).status).toBe(409);
    expect(await auditActions(owner.studio.id, "api_key", reader.id)).toEqual(expect.arrayContaining(["api_key.created", "api_key.revoked"]));

    // A key past its day (written as it would be a month on).
    const { data: stored } = await apiKeysDb().entities.apiKey.get({ keyId: billing.id }).go();
    await apiKeysDb()
      .entities.apiKey.put({ ...stored!, expiresOn: new Date(Date.now() - 1000).toISOString() })
      .go();
    expect((await withKey(billing.token, "GET", `${studio}/invoices`)).status).toBe(401);
  });

  it("validates a new key, and limits a key's requests a minute", async () => {
    const owner = await ownerWithStudio();
    const studio = `/v1/studios/${owner.studio.id}`;
    const bad = await createKey(owner, { name: "", scopes: ["admin"], expiresInDays: 400 });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(["expiresInDays", "name", "scopes.0"]);
    expect((await createKey(owner, { name: "None", scopes: [] })).status).toBe(422);

    const key = (await createKey(owner, { name: "Busy", scopes: ["read"] })).body;
    const counter = counterKey(LIMITS.apiKeyRequests, keyIdOf(key.token));
    await db()
      .entities.rateCounter.update({ bucket: counter.bucket, window: counter.window })
      .set({ count: LIMITS.apiKeyRequests.max, expiresAt: counter.expiresAt })
      .go();
    const limited = await withKey(key.token, "GET", `${studio}/students`);
    expect(limited.status).toBe(429);
  });
});
