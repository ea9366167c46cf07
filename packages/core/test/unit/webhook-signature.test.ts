import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { newWebhookSecret, SIGNATURE_HEADER, signWebhook, verifyWebhookSignature } from "../../src/webhooks/webhook-signature";

/** Webhook signatures: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`, checked within five minutes. */
describe("webhook signatures", () => {
  const secret = "whsec_test-secret-test-secret-test-secret-0123";
  const body = '{"id":"evt_1","type":"lesson.booked","data":{"lessonId":"l-1"}}';
  const at = new Date("2026-01-01T00:00:00.000Z");
  const seconds = (n: number) => new Date(at.getTime() + n * 1000);

  it("sign the timestamp and the body with HMAC-SHA256, as a receiver can recompute", () => {
    const header = signWebhook(secret, body, new Date(at.getTime() + 999));
    const hex = createHmac("sha256", secret).update(`1767225600.${body}`).digest("hex");
    expect(header).toBe(`t=1767225600,v1=${hex}`);
    expect(SIGNATURE_HEADER).toBe("StudioSync-Signature");
  });

  it("verify their own signature, within the tolerance either way", () => {
    const header = signWebhook(secret, body, at);
    expect(verifyWebhookSignature(secret, body, header, at)).toBe(true);
    expect(verifyWebhookSignature(secret, body, header, seconds(300))).toBe(true);
    expect(verifyWebhookSignature(secret, body, header, seconds(-300))).toBe(true);
    expect(verifyWebhookSignature(secret, body, header, seconds(30), 60)).toBe(true);
  });

  it("refuse a changed body, another secret or a changed signature", () => {
    const header = signWebhook(secret, body, at);
    expect(verifyWebhookSignature(secret, body.replace("l-1", "l-2"), header, at)).toBe(false);
    expect(verifyWebhookSignature(secret, `${body} `, header, at)).toBe(false);
    expect(verifyWebhookSignature(`${secret}x`, body, header, at)).toBe(false);
    const flipped = header.replace(/.$/, (c) => (c === "0" ? "1" : "0"));
    expect(verifyWebhookSignature(secret, body, flipped, at)).toBe(false);
    // Another time with the same v1: the timestamp is signed too.
    expect(verifyWebhookSignature(secret, body, header.replace("t=1767225600", "t=1767225601"), seconds(1))).toBe(false);
  });

  it("refuse a stale or future timestamp, even correctly signed", () => {
    const header = signWebhook(secret, body, at);
    expect(verifyWebhookSignature(secret, body, header, seconds(301))).toBe(false);
    expect(verifyWebhookSignature(secret, body, header, seconds(-301))).toBe(false);
    expect(verifyWebhookSignature(secret, body, header, seconds(61), 60)).toBe(false);
    expect(verifyWebhookSignature(secret, body, header, new Date(Number.NaN))).toBe(false);
  });

  it("accept any one of several v1 (a rotation), in any order, and ignore other schemes", () => {
    const [t, v1] = signWebhook(secret, body, at).split(",") as [string, string];
    const other = signWebhook("whsec_the-previous-secret", body, at).split(",")[1]!;
    expect(verifyWebhookSignature(secret, body, `${t},${other},${v1}`, at)).toBe(true);
    expect(verifyWebhookSignature(secret, body, `${t},${v1},${other}`, at)).toBe(true);
    expect(verifyWebhookSignature(secret, body, `${v1}, ${t}, v0=abc`, at)).toBe(true);
    expect(verifyWebhookSignature(secret, body, `${v1.toUpperCase().replace("V1", "v1")},${t}`, at)).toBe(true);
    expect(verifyWebhookSignature(secret, body, `${t},${other}`, at)).toBe(false);
  });

  it("refuse malformed headers and an empty secret", () => {
    const header = signWebhook(secret, body, at);
    const [t, v1] = header.split(",") as [string, string];
    for (const bad of [
      "",
      t,
      v1,
      `${t},${t},${v1}`,
      `t=,${v1}`,
      `t=-1,${v1}`,
      `t=1.5,${v1}`,
      `t=abc,${v1}`,
      `${t},v1=`,
      `${t},v1=xyz`,
      `${t},${v1.slice(0, -2)}`,
      `${t},${v1}00`,
      `${header},junk`,
      `${t};${v1}`,
    ]) {
      expect(verifyWebhookSignature(secret, body, bad, at), bad).toBe(false);
    }
    expect(verifyWebhookSignature("", body, signWebhook("x", body, at), at)).toBe(false);
    expect(() => signWebhook("", body, at)).toThrow(RangeError);
  });

  it("make new secrets: whsec_ and 32 random bytes, base64url", () => {
    const a = newWebhookSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(a.slice(6), "base64url")).toHaveLength(32);
    expect(newWebhookSecret()).not.toBe(a);
  });
});
