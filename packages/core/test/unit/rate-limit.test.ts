import { describe, expect, it } from "vitest";
import { assertWithinLimits, counterKey, LIMITS } from "../../src/rate-limit";

describe("fixed-window rate limits", () => {
  const limit = LIMITS.loginFailuresPerEmail;
  const t0 = Date.UTC(2026, 10, 22, 12, 0, 0);

  it("keeps one counter per subject per window, expiring with the window", () => {
    const a = counterKey(limit, "ann@example.test", t0 + 60_000);
    expect(counterKey(limit, "ann@example.test", t0 + 14 * 60_000).window).toBe(a.window);
    expect(counterKey(limit, "ann@example.test", t0 + 15 * 60_000).window).not.toBe(a.window);
    expect(counterKey(limit, "bob@example.test", t0).bucket).not.toBe(a.bucket);
    expect(a.expiresAt).toBe(t0 / 1000 + 15 * 60);
  });

  it("refuses at the limit with the seconds left in the window", () => {
    const key = counterKey(limit, "ann@example.test", t0);
    expect(() => assertWithinLimits([{ key, count: limit.max - 1 }], t0)).not.toThrow();
    expect(() => assertWithinLimits([{ key, count: undefined }], t0)).not.toThrow();
    try {
      assertWithinLimits([{ key, count: limit.max }], t0 + 5 * 60_000);
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ code: "rate_limited", details: { retryAfterSeconds: 10 * 60 } });
    }
  });
});
