import { describe, expect, it } from "vitest";
import { apiKeyRefusal } from "../../src/policy/api-key-scopes";
import { parseApiKeyToken } from "../../src/kernel/keys/api-key-token";

const key = (...scopes: string[]) => ({ studioId: "S1", scopes });
const reason = (scopes: string[], method: string, path: string) => apiKeyRefusal(key(...scopes), method, path)?.reason ?? "allowed";

describe("what an API key may call", () => {
  it("reads with read, changes with write, and billing only with billing", () => {
    expect(reason(["read"], "GET", "/v1/studios/S1/students")).toBe("allowed");
    expect(reason(["read"], "GET", "/v1/studios/S1")).toBe("allowed");
    expect(reason(["read"], "POST", "/v1/studios/S1/lessons")).toBe("api_key.scope");
    expect(reason(["write"], "PATCH", "/v1/studios/S1/lessons/L1")).toBe("allowed");
    expect(reason(["write"], "GET", "/v1/studios/S1/lessons")).toBe("api_key.scope");
    expect(reason(["read", "write"], "GET", "/v1/studios/S1/invoices")).toBe("api_key.scope");
    expect(reason(["billing"], "POST", "/v1/studios/S1/payments")).toBe("allowed");
    expect(reason(["billing"], "GET", "/v1/studios/S1/usage/2026-12/activeStudents")).toBe("allowed");
  });

  it("never reaches the people-only areas, routes outside a studio, or another studio", () => {
    for (const area of ["api-keys", "members", "invitations", "access-requests", "privacy", "webhook-endpoints", "domains"]) {
      expect(reason(["read", "write", "billing"], "GET", `/v1/studios/S1/${area}`)).toBe("api_key.studio_routes_only");
    }
    expect(reason(["read"], "GET", "/v1/me")).toBe("api_key.studio_routes_only");
    expect(reason(["read"], "GET", "/v1/studios")).toBe("api_key.studio_routes_only");
    expect(reason(["read"], "GET", "/v1/studios/S2/students")).toBe("not_found");
  });

  it("parses only the exact token shape", () => {
    const token = `ssk_${"a".repeat(16)}_${"b".repeat(43)}`;
    expect(parseApiKeyToken(token)?.keyId).toBe("a".repeat(16));
    for (const bad of [`${token}x`, token.replace("ssk_", "ssk-"), `ssk_${"a".repeat(15)}_${"b".repeat(44)}`, `ssk_${"a".repeat(16)}_${"b".repeat(42)}=`]) {
      expect(parseApiKeyToken(bad)).toBeNull();
    }
  });
});
