import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetConfig } from "../../src/kernel/config";
import { replyAddressOf, replyIdFor, replyIdOf } from "../../src/kernel/keys/reply-token";

const saved = { secret: process.env.APP_SECRET, domain: process.env.REPLY_DOMAIN };
const restore = (name: string, value: string | undefined) => (value === undefined ? delete process.env[name] : (process.env[name] = value));
beforeAll(() => {
  process.env.APP_SECRET = "reply-test-secret-reply-test-secret-0123456789";
  process.env.REPLY_DOMAIN = "reply.example.test";
  resetConfig();
});
afterAll(() => {
  restore("APP_SECRET", saved.secret);
  restore("REPLY_DOMAIN", saved.domain);
  resetConfig();
});

/** Reply addresses: one per thread and participant, signed, refused when anything in them is changed. */
describe("reply addresses", () => {
  const id = replyIdFor("studio-1", "thread", "thread-1", "guardian:f:g");

  it("are short, lower-case, stable per participant, and read back to their id (in any case)", () => {
    const address = replyAddressOf(id);
    expect(address).toMatch(/^r-[a-z2-7]{16}-[a-z2-7]{12}@reply\.example\.test$/);
    expect(address.split("@")[0]!.length).toBeLessThanOrEqual(64);
    expect(replyIdFor("studio-1", "thread", "thread-1", "guardian:f:g")).toBe(id);
    expect(replyIdFor("studio-1", "thread", "thread-1", "teacher:t")).not.toBe(id);
    expect(replyIdOf(address)).toBe(id);
    expect(replyIdOf(address.toUpperCase())).toBe(id);
  });

  it("refuse a changed signature, a changed id, another domain and other shapes", () => {
    const [local, domain] = replyAddressOf(id).split("@") as [string, string];
    const flip = (c: string) => (c === "a" ? "b" : "a");
    expect(replyIdOf(`${local.slice(0, -1)}${flip(local.at(-1)!)}@${domain}`)).toBeNull();
    expect(replyIdOf(`r-${flip(local[2]!)}${local.slice(3)}@${domain}`)).toBeNull();
    expect(replyIdOf(`${local}@reply.other.test`)).toBeNull();
    expect(replyIdOf(`${local}x@${domain}`)).toBeNull();
    expect(replyIdOf("no-reply@reply.example.test")).toBeNull();
    expect(replyIdOf("")).toBeNull();
  });

  it("keep working under an older key while a rotation is under way", () => {
    const address = replyAddressOf(id);
    process.env.APP_SECRET = `rotated-secret-rotated-secret-rotated-0123,${"reply-test-secret-reply-test-secret-0123456789"}`;
    resetConfig();
    expect(replyIdOf(address)).toBe(id);
    expect(replyAddressOf(id)).not.toBe(address);
  });
});
