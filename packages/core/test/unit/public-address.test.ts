import { Socket } from "node:net";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { postWebhook } from "../../src/webhooks/post-webhook";
import {
  isLoopbackAddress,
  isPublicAddress,
  pinnedLookup,
  PrivateAddressError,
  resolvePublicAddress,
  webhooksMayUseLoopback,
  type Resolve,
} from "../../src/webhooks/public-address";

/** A resolver answering from a table, counting its calls: no test here reaches a real DNS server or opens a socket. */
function fakeResolve(table: Record<string, string[]>) {
  const calls: string[] = [];
  const resolve: Resolve = async (hostname) => {
    calls.push(hostname);
    return (table[hostname] ?? []).map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
  };
  return { resolve, calls };
}

const PUBLIC = ["8.8.8.8", "1.1.1.1", "93.184.215.14", "2606:4700:4700::1111", "2001:4860:4860::8888", "2a00:1450:4001:81c::200e"];

/** Each refused IPv4 range, by its first address, an address inside it and its last address. */
const PRIVATE_V4 = [
  ["0.0.0.0/8", "0.0.0.0", "0.1.2.3", "0.255.255.255"],
  ["10/8", "10.0.0.0", "10.0.0.1", "10.255.255.255"],
  ["100.64/10 (CGNAT)", "100.64.0.0", "100.100.100.100", "100.127.255.255"],
  ["127/8", "127.0.0.0", "127.0.0.1", "127.255.255.255"],
  ["169.254/16 (metadata)", "169.254.0.0", "169.254.169.254", "169.254.255.255"],
  ["172.16/12", "172.16.0.0", "172.20.1.1", "172.31.255.255"],
  ["192.0.0/24", "192.0.0.0", "192.0.0.170", "192.0.0.255"],
  ["192.0.2/24", "192.0.2.0", "192.0.2.1", "192.0.2.255"],
  ["192.88.99/24", "192.88.99.0", "192.88.99.1", "192.88.99.255"],
  ["192.168/16", "192.168.0.0", "192.168.1.1", "192.168.255.255"],
  ["198.18/15", "198.18.0.0", "198.19.0.1", "198.19.255.255"],
  ["198.51.100/24", "198.51.100.0", "198.51.100.7", "198.51.100.255"],
  ["203.0.113/24", "203.0.113.0", "203.0.113.9", "203.0.113.255"],
  ["224/4 (multicast)", "224.0.0.0", "239.1.2.3", "239.255.255.255"],
  ["240/4 (reserved)", "240.0.0.0", "250.1.2.3", "255.255.255.254"],
  ["broadcast", "255.255.255.255", "255.255.255.255", "255.255.255.255"],
] as const;

/** The addresses just outside some refused ranges, which are public. */
const NEIGHBOURS = [
  "9.255.255.255",
  "11.0.0.0",
  "100.63.255.255",
  "100.128.0.0",
  "172.15.255.255",
  "172.32.0.0",
  "198.17.255.255",
  "198.20.0.0",
  "223.255.255.255",
];

const PRIVATE_V6 = [
  ["unspecified", "::"],
  ["loopback", "::1"],
  ["loopback, long form", "0:0:0:0:0:0:0:1"],
  ["IPv4-mapped 10.0.0.1, dotted", "::ffff:10.0.0.1"],
  ["IPv4-mapped 10.0.0.1, hex", "::ffff:a00:1"],
  ["IPv4-mapped metadata", "::ffff:169.254.169.254"],
  ["IPv4-mapped metadata, hex", "::ffff:a9fe:a9fe"],
  ["IPv4-mapped loopback", "::ffff:127.0.0.1"],
  ["IPv4-mapped, long form", "0:0:0:0:0:ffff:c0a8:101"],
  ["IPv4-compatible (deprecated)", "::8.8.8.8"],
  ["IPv4-translated", "::ffff:0:8.8.8.8"],
  ["NAT64 of 10.0.0.1", "64:ff9b::10.0.0.1"],
  ["NAT64 of 127.0.0.1, hex", "64:ff9b::7f00:1"],
  ["NAT64 local-use", "64:ff9b:1::808:808"],
  ["discard", "100::1"],
  ["documentation", "2001:db8::1"],
  ["documentation 3fff::/20", "3fff:1::1"],
  ["Teredo", "2001:0:4136:e378:8000:63bf:3fff:fdd2"],
  ["benchmarking", "2001:2::1"],
  ["6to4 of 10.0.0.1", "2002:a00:1::1"],
  ["6to4 of 169.254.169.254", "2002:a9fe:a9fe::"],
  ["6to4 of 127.0.0.1", "2002:7f00:1::1"],
  ["unique local fc00::/7", "fc00::1"],
  ["unique local fd", "fd12:3456:789a::1"],
  ["link-local", "fe80::1"],
  ["link-local, top of /10", "febf::1"],
  ["link-local with a zone id", "fe80::1%eth0"],
  ["site-local", "fec0::1"],
  ["multicast", "ff02::1"],
  ["multicast, global scope", "ff0e::1"],
] as const;

const PUBLIC_V6_EMBEDDING = ["::ffff:8.8.8.8", "::ffff:808:808", "64:ff9b::1.1.1.1", "64:ff9b::101:101", "2002:808:808::1"];

const NOT_ADDRESSES = [
  "",
  "example.com",
  "localhost",
  "8.8.8",
  "8.8.8.8.8",
  "256.1.1.1",
  "08.8.8.8",
  "0x7f.0.0.1",
  "2130706433",
  "[::1]",
  "[8.8.8.8]",
  "8.8.8.8 ",
  "::g",
  "1::2::3",
  "2606:4700:4700::1111%eth0",
];

describe("public addresses", () => {
  it.each(PUBLIC)("%s is public", (ip) => {
    expect(isPublicAddress(ip)).toBe(true);
    expect(isLoopbackAddress(ip)).toBe(false);
  });

  it.each(PRIVATE_V4)("IPv4 %s is refused, as IPv4-mapped, NAT64 and 6to4 too", (_range, first, inside, last) => {
    for (const ip of [first, inside, last]) {
      const [a, b, c, d] = ip.split(".").map(Number) as [number, number, number, number];
      const hex = `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
      for (const form of [ip, `::ffff:${ip}`, `::ffff:${hex}`, `64:ff9b::${ip}`, `64:ff9b::${hex}`, `2002:${hex}::1`])
        expect(isPublicAddress(form), form).toBe(false);
    }
  });

  it.each(NEIGHBOURS)("%s, next to a refused range, is public", (ip) => expect(isPublicAddress(ip)).toBe(true));

  it.each(PRIVATE_V6)("IPv6 %s (%s) is refused", (_range, ip) => expect(isPublicAddress(ip)).toBe(false));

  it.each(PUBLIC_V6_EMBEDDING)("%s, embedding a public IPv4 address, is public", (ip) => expect(isPublicAddress(ip)).toBe(true));

  it.each(NOT_ADDRESSES)("%j is not an IP literal, so not public", (ip) => {
    expect(isPublicAddress(ip)).toBe(false);
    expect(isLoopbackAddress(ip)).toBe(false);
  });

  it("knows loopback addresses: 127/8, ::1 and IPv4-mapped 127/8 only", () => {
    for (const ip of ["127.0.0.1", "127.255.0.9", "::1", "0:0:0:0:0:0:0:1", "::ffff:127.0.0.1", "::ffff:7f00:1"]) expect(isLoopbackAddress(ip), ip).toBe(true);
    for (const ip of ["10.0.0.1", "169.254.169.254", "::", "::2", "fe80::1", "::1%lo", "64:ff9b::127.0.0.1", "128.0.0.1", "8.8.8.8"])
      expect(isLoopbackAddress(ip), ip).toBe(false);
  });
});

describe("resolving a webhook host", () => {
  const { resolve, calls } = fakeResolve({
    "hooks.example.com": ["93.184.215.14", "2606:4700:4700::1111"],
    "mixed.example.com": ["93.184.215.14", "10.0.0.1"],
    "mixed-v6.example.com": ["2606:4700:4700::1111", "fd00::1"],
    "metadata.example.com": ["169.254.169.254"],
    "local.example.com": ["127.0.0.1", "::1"],
    "mapped.example.com": ["::ffff:192.168.1.1"],
    "junk.example.com": ["not-an-address"],
  });
  afterEach(() => void calls.splice(0));

  it("returns the first address of a name whose every address is public", async () => {
    await expect(resolvePublicAddress("hooks.example.com", { resolve })).resolves.toEqual({ address: "93.184.215.14", family: 4 });
    expect(calls).toEqual(["hooks.example.com"]);
  });

  it.each(["mixed.example.com", "mixed-v6.example.com", "metadata.example.com", "local.example.com", "mapped.example.com", "junk.example.com"])(
    "refuses %s: one private address is enough",
    async (host) => {
      const refusal = resolvePublicAddress(host, { resolve });
      await expect(refusal).rejects.toBeInstanceOf(PrivateAddressError);
      await expect(refusal).rejects.toThrow(`${host} resolves to `);
    },
  );

  it("names the refused address", async () => {
    const error = await resolvePublicAddress("mixed.example.com", { resolve }).catch((e: unknown) => e);
    expect(error).toMatchObject({ address: "10.0.0.1", message: "mixed.example.com resolves to 10.0.0.1, which is not a public address" });
  });

  it("refuses a name that resolves to nothing", async () => {
    await expect(resolvePublicAddress("nowhere.example.com", { resolve })).rejects.toThrow("nowhere.example.com does not resolve to any address");
  });

  it("judges IP literals, bracketed or not, without resolving them", async () => {
    await expect(resolvePublicAddress("8.8.8.8", { resolve })).resolves.toEqual({ address: "8.8.8.8", family: 4 });
    await expect(resolvePublicAddress("[2606:4700:4700::1111]", { resolve })).resolves.toEqual({ address: "2606:4700:4700::1111", family: 6 });
    for (const host of ["10.0.0.1", "169.254.169.254", "[::1]", "[::ffff:10.0.0.1]", "[::ffff:a9fe:a9fe]", "[fe80::1%eth0]", "[fd00::1]"]) {
      await expect(resolvePublicAddress(host, { resolve }), host).rejects.toBeInstanceOf(PrivateAddressError);
    }
    expect(calls).toEqual([]);
  });

  it("allows loopback, and nothing else private, when asked to", async () => {
    const allowLoopback = true;
    await expect(resolvePublicAddress("127.0.0.1", { allowLoopback, resolve })).resolves.toEqual({ address: "127.0.0.1", family: 4 });
    await expect(resolvePublicAddress("[::1]", { allowLoopback, resolve })).resolves.toEqual({ address: "::1", family: 6 });
    await expect(resolvePublicAddress("local.example.com", { allowLoopback, resolve })).resolves.toEqual({ address: "127.0.0.1", family: 4 });
    await expect(resolvePublicAddress("hooks.example.com", { allowLoopback, resolve })).resolves.toMatchObject({ address: "93.184.215.14" });
    for (const host of ["10.0.0.1", "169.254.169.254", "[::ffff:169.254.169.254]", "[fd00::1]", "0.0.0.0", "mixed.example.com", "metadata.example.com"]) {
      await expect(resolvePublicAddress(host, { allowLoopback, resolve }), host).rejects.toBeInstanceOf(PrivateAddressError);
    }
  });
});

describe("the pinned lookup", () => {
  const { resolve } = fakeResolve({ "hooks.example.com": ["93.184.215.14", "8.8.8.8"], "mixed.example.com": ["8.8.8.8", "10.0.0.1"] });
  const look = (hostname: string, all: boolean) =>
    new Promise<{ error: Error | null; address: unknown; family?: number }>((done) =>
      pinnedLookup({ resolve })(hostname, { all }, (error, address, family) => done({ error, address, family })),
    );

  it("answers with the one address it checked, as Node asks for it", async () => {
    expect(await look("hooks.example.com", false)).toEqual({ error: null, address: "93.184.215.14", family: 4 });
    expect(await look("hooks.example.com", true)).toMatchObject({ error: null, address: [{ address: "93.184.215.14", family: 4 }] });
  });

  it("fails the lookup, and so the connection, for a private address", async () => {
    for (const all of [false, true]) expect((await look("mixed.example.com", all)).error).toBeInstanceOf(PrivateAddressError);
  });
});

describe("the loopback allowance for webhooks", () => {
  it("is on only with STUDIOSYNC_WEBHOOKS_ALLOW_LOOPBACK=1, and never on Lambda", () => {
    expect(webhooksMayUseLoopback({ STUDIOSYNC_WEBHOOKS_ALLOW_LOOPBACK: "1" })).toBe(true);
    expect(webhooksMayUseLoopback({})).toBe(false);
    expect(webhooksMayUseLoopback({ STUDIOSYNC_WEBHOOKS_ALLOW_LOOPBACK: "true" })).toBe(false);
    expect(webhooksMayUseLoopback({ STUDIOSYNC_WEBHOOKS_ALLOW_LOOPBACK: "0" })).toBe(false);
    expect(webhooksMayUseLoopback({ STUDIOSYNC_WEBHOOKS_ALLOW_LOOPBACK: "1", AWS_LAMBDA_FUNCTION_NAME: "studiosync-prod-webhooks" })).toBe(false);
    expect(webhooksMayUseLoopback({ STUDIOSYNC_WEBHOOKS_ALLOW_LOOPBACK: "1", AWS_LAMBDA_FUNCTION_NAME: "" })).toBe(false);
  });
});

/** Only the refusals: each fails before a socket is made (Socket.prototype.connect is watched, never called). */
describe("posting a webhook is refused", () => {
  const { resolve, calls } = fakeResolve({ "internal.example.com": ["93.184.215.14", "10.0.0.1"], "metadata.example.com": ["169.254.169.254"] });
  const connect = vi.spyOn(Socket.prototype, "connect");
  afterEach(() => {
    expect(connect).not.toHaveBeenCalled();
    calls.splice(0);
  });
  afterAll(() => connect.mockRestore());

  const post = (url: string, more: { allowLoopback?: boolean; resolve?: Resolve; timeoutMs?: number } = {}) =>
    postWebhook({ url, body: '{"type":"ping"}', headers: { "StudioSync-Signature": "t=1,v1=00" }, resolve, ...more });

  it.each([
    ["a name resolving to a private address", "https://internal.example.com/hooks", "internal.example.com resolves to 10.0.0.1, which is not a public address"],
    [
      "a name resolving to the metadata service",
      "http://metadata.example.com/latest/meta-data/",
      "metadata.example.com resolves to 169.254.169.254, which is not a public address",
    ],
    ["a private IPv4 literal", "http://10.0.0.1:8080/hooks", "10.0.0.1 is not a public address"],
    ["the metadata address", "http://169.254.169.254/latest/meta-data/", "169.254.169.254 is not a public address"],
    ["a loopback address, by default", "http://127.0.0.1:3000/", "127.0.0.1 is not a public address"],
    ["an IPv4 loopback written as a number", "http://2130706433/", "127.0.0.1 is not a public address"],
    ["a bracketed IPv6 loopback", "http://[::1]:3000/", "::1 is not a public address"],
    ["a bracketed IPv4-mapped address", "https://[::ffff:169.254.169.254]/", "::ffff:a9fe:a9fe is not a public address"],
    ["a bracketed unique local address", "https://[fd00::1]/", "fd00::1 is not a public address"],
  ])("to %s", async (_case, url, error) => {
    expect(await post(url)).toMatchObject({ ok: false, status: null, error, responseBody: "" });
  });

  it("to a private address even with the loopback allowance", async () => {
    for (const url of ["http://10.0.0.1/", "http://169.254.169.254/", "https://internal.example.com/"]) {
      expect(await post(url, { allowLoopback: true }), url).toMatchObject({ ok: false, status: null, error: expect.stringContaining("not a public address") });
    }
  });

  it.each([
    "ftp://hooks.example.com/",
    "file:///etc/passwd",
    "gopher://hooks.example.com/",
    "ws://hooks.example.com/",
    "data:text/plain,hi",
    "javascript:alert(1)",
  ])("to %s (not http or https)", async (url) => {
    expect(await post(url)).toMatchObject({ ok: false, status: null, error: expect.stringContaining("use http: or https:") });
    expect(calls).toEqual([]);
  });

  it.each(["https://user:secret@hooks.example.com/", "https://user@hooks.example.com/", "https://:secret@hooks.example.com/"])(
    "to %s (credentials)",
    async (url) => {
      expect(await post(url)).toMatchObject({ ok: false, status: null, error: "URLs with a username or password are not allowed" });
      expect(calls).toEqual([]);
    },
  );

  it.each(["not a url", "https://", "http://[fe80::1%eth0]/", "/relative/path"])("to %j (not a URL)", async (url) => {
    expect(await post(url)).toMatchObject({ ok: false, status: null, error: "invalid URL" });
  });

  it("when the name does not resolve in time", async () => {
    const never: Resolve = () => new Promise(() => {});
    const result = await post("https://slow.example.com/", { resolve: never, timeoutMs: 50 });
    expect(result).toMatchObject({ ok: false, status: null, error: "timed out after 50 ms" });
    expect(result.durationMs).toBeGreaterThanOrEqual(45);
  });
});
