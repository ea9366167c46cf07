import { describe, expect, it } from "vitest";
import {
  apiKeyActorName,
  apiKeyFieldErrors,
  apiKeyFieldOf,
  apiKeyKnownPaths,
  apiKeysHref,
  readExpiryDays,
  readScopes,
  revokeHref,
  scopesWords,
  studioApiUrl,
} from "../../src/lib/api-keys";
import { auditAction } from "../../src/lib/audit-words";
import { actorName } from "../../src/lib/member-names";
import type { Problem } from "../../src/lib/problem";
import { settingsTabs } from "../../src/lib/settings-tabs";

const BASE = "/dashboard/studios/s1";
const problem = (...paths: string[]): Problem => ({
  type: "urn:studiosync:problem:validation_failed",
  title: "Invalid",
  status: 422,
  code: "validation_failed",
  errors: paths.map((path) => ({ path, message: "is wrong" })),
});

describe("scopesWords", () => {
  it("names the scopes in the usual order, whatever order they come in", () => {
    expect(scopesWords(["read"])).toBe("Read");
    expect(scopesWords(["write", "read"])).toBe("Read and write");
    expect(scopesWords(["billing", "write", "read"])).toBe("Read, write and billing");
    expect(scopesWords(["billing"])).toBe("Billing");
    expect(scopesWords(["billing", "admin"])).toBe("Billing");
    expect(scopesWords([])).toBe("None");
  });
});

describe("reading the form", () => {
  it("keeps the known scopes, each once, in order", () => {
    expect(readScopes(["billing", "read", "read", "admin", ""])).toEqual(["read", "billing"]);
    expect(readScopes([])).toEqual([]);
  });

  it("reads the expiry as whole days, leaves a blank to the API's default and refuses the rest here", () => {
    expect(readExpiryDays("30")).toEqual({ days: 30 });
    expect(readExpiryDays(" 365 ")).toEqual({ days: 365 });
    // Out of range is the API's to refuse (422 on expiresInDays).
    expect(readExpiryDays("0")).toEqual({ days: 0 });
    expect(readExpiryDays("")).toEqual({});
    for (const bad of ["1.5", "-3", "ninety", "1e3", "9999999"]) expect(readExpiryDays(bad).error).toMatch(/whole number of days, from 1 to 365/);
  });
});

describe("a refused key's errors", () => {
  it("puts each error under its field, in the site's words; scopes.0 belongs to the scopes", () => {
    expect(apiKeyFieldOf("scopes.0")).toBe("scopes");
    expect(apiKeyFieldOf("token")).toBeUndefined();
    const errors = apiKeyFieldErrors(problem("name", "scopes.0", "expiresInDays", "other"));
    expect(Object.keys(errors).sort()).toEqual(["expiresInDays", "name", "scopes"]);
    expect(errors.scopes).toBe("Choose at least one of read, write and billing.");
    expect(errors.name).toMatch(/up to 80 characters/);
    expect(errors.expiresInDays).toMatch(/from 1 to 365/);
    expect(apiKeyKnownPaths(problem("name", "scopes.0", "other"))).toEqual(["name", "scopes.0"]);
    expect(apiKeyFieldErrors(undefined)).toEqual({});
  });
});

describe("links", () => {
  it("asks to confirm a revocation on the same page of keys", () => {
    expect(apiKeysHref(BASE)).toBe(`${BASE}/settings/api-keys`);
    const url = new URL(`https://site.test${BASE}/settings/api-keys?cursor=c2&back=&done=revoked`);
    expect(revokeHref(url, "k 1")).toBe(`${BASE}/settings/api-keys?cursor=c2&back=&revoke=k+1`);
  });

  it("gives the studio's API address without a doubled slash", () => {
    expect(studioApiUrl("https://api.test/", "s 1")).toBe("https://api.test/v1/studios/s%201");
    expect(studioApiUrl("http://127.0.0.1:4000", "s1")).toBe("http://127.0.0.1:4000/v1/studios/s1");
  });
});

describe("the settings tabs", () => {
  it("have API keys and webhooks after usage, for owners only", () => {
    const owner = settingsTabs(BASE, "usage", "owner");
    const usage = owner.findIndex((t) => t.label === "Usage and billing");
    expect(owner.map((t) => t.label).slice(usage, usage + 3)).toEqual(["Usage and billing", "API keys", "Webhooks"]);
    expect(owner[usage + 1]).toEqual({ href: `${BASE}/settings/api-keys`, label: "API keys", current: false });
    expect(owner[usage + 2]).toEqual({ href: `${BASE}/settings/webhooks`, label: "Webhooks", current: false });
    expect(settingsTabs(BASE, "usage", "admin").map((t) => t.label)).not.toContain("API keys");
    expect(settingsTabs(BASE, "usage", "admin").map((t) => t.label)).not.toContain("Webhooks");
    expect(settingsTabs(BASE, "api-keys", "admin").at(-1)).toMatchObject({ label: "API keys", current: true });
    expect(settingsTabs(BASE, "webhooks", "admin").at(-1)).toMatchObject({ label: "Webhooks", current: true });
  });
});

describe("the audit log's words for a key", () => {
  it("names an API key by its first characters, as the keys page shows them", () => {
    expect(apiKeyActorName("apikey:Ab12Cd34Ef56Gh78")).toBe("API key ssk_Ab12Cd…");
    expect(apiKeyActorName("apikey:")).toBe("An API key");
    expect(apiKeyActorName("user-1")).toBeUndefined();
    expect(actorName(new Map([["user-1", "Ada"]]), "apikey:Ab12Cd34Ef56Gh78", "A former member")).toBe("API key ssk_Ab12Cd…");
    expect(actorName(new Map([["user-1", "Ada"]]), "user-1", "A former member")).toBe("Ada");
    expect(actorName(null, "user-2", "A former member")).toBe("A former member");
    expect(auditAction("api_key.revoked")).toBe("API key revoked");
    expect(auditAction("student.role_changed")).toBe("Student role changed");
  });
});
