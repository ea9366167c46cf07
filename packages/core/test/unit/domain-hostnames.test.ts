import { afterEach, describe, expect, it } from "vitest";
import { dnsServers } from "../../src/domains/dns-txt";
import { hostKey, readHostname } from "../../src/domains/hostname";
import { addDomainSchema } from "../../src/domains/schemas";
import { isPlatformHost, platformDomain, platformHostOf, platformSubdomainLabel } from "../../src/domains/platform-domain";

const error = (input: string) => {
  const reading = readHostname(input);
  return "error" in reading ? reading.error : undefined;
};

describe("custom domain hostnames", () => {
  it.each([
    ["www.Riverside-Music.com", "www.riverside-music.com"],
    ["  riverside-music.co.uk.  ", "riverside-music.co.uk"],
    ["Bücher.example.com", "xn--bcher-kva.example.com"],
    ["xn--bcher-kva.example.com", "xn--bcher-kva.example.com"],
    ["ｓｔｕｄｉｏ.example.org", "studio.example.org"],
    ["музыка.рф", "xn--80anjg9azc.xn--p1ai"],
    ["a.io", "a.io"],
  ])("normalizes %j to %s", (input, hostname) => expect(readHostname(input)).toEqual({ hostname }));

  it.each([
    ["", /Enter a domain/],
    ["https://www.example.com/", /domain alone/],
    ["www.example.com:8443", /domain alone/],
    ["owner@example.com", /domain alone/],
    ["www example.com", /domain alone/],
    ["192.0.2.10", /not an IP address/],
    ["::1", /not an IP address/],
    ["[2001:db8::1]", /not an IP address/],
    ["0x7f.1", /not an IP address/],
    ["3232235777", /not an IP address/],
    ["localhost", /needs at least one dot/],
    ["studio", /needs at least one dot/],
    ["my_studio.example.com", /letters, digits and hyphens/],
    ["-studio.example.com", /letters, digits and hyphens/],
    ["studio-.example.com", /letters, digits and hyphens/],
    ["*.example.com", /letters, digits and hyphens|valid/],
    ["studio..example.com", /letters, digits and hyphens|valid/],
    [`${"a".repeat(64)}.example.com`, /up to 63/],
    [`${"abcdefghi.".repeat(23)}com`, /at most 230/],
    ["studio.example.123", /valid domain name|top-level domain/],
    ["studio.localhost", /\.localhost, which the public internet doesn't use/],
    ["printer.local", /\.local,/],
    ["studio.test", /\.test,/],
    ["router.home.arpa", /\.arpa,/],
    ["db.internal", /\.internal,/],
  ])("refuses %j", (input, message) => expect(error(input)).toMatch(message));

  it("reads a Host header or a path the same way, without judging it", () => {
    expect(hostKey("Harmony-House.StudioSync.localhost:4321")).toBe("harmony-house.studiosync.localhost");
    expect(hostKey("www.example.com.")).toBe("www.example.com");
    expect(hostKey("bücher.example.com")).toBe("xn--bcher-kva.example.com");
    for (const bad of ["", "127.0.0.1", "[::1]:4321", "a b.com", "a/b.com", "a..b"]) expect(hostKey(bad), bad).toBeUndefined();
  });

  it("answers a 422 path for the API", () => {
    const parsed = addDomainSchema.safeParse({ hostname: "https://x.com" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join("."))).toEqual(["hostname"]);
    expect(addDomainSchema.safeParse({ hostname: "x.com", extra: 1 }).success).toBe(false);
    expect(addDomainSchema.parse({ hostname: "WWW.X.COM" })).toEqual({ hostname: "www.x.com" });
  });
});

describe("the platform's domain", () => {
  const saved = { domain: process.env.PLATFORM_DOMAIN, stage: process.env.STAGE };
  afterEach(() => {
    if (saved.domain === undefined) delete process.env.PLATFORM_DOMAIN;
    else process.env.PLATFORM_DOMAIN = saved.domain;
    process.env.STAGE = saved.stage;
  });

  it("defaults to studiosync.localhost locally and in tests, and is absent on AWS unless configured", () => {
    delete process.env.PLATFORM_DOMAIN;
    process.env.STAGE = "test";
    expect(platformDomain()).toBe("studiosync.localhost");
    expect(platformHostOf("harmony-house")).toBe("harmony-house.studiosync.localhost");
    process.env.STAGE = "production";
    expect(platformDomain()).toBeUndefined();
    expect(platformHostOf("harmony-house")).toBeNull();
    process.env.PLATFORM_DOMAIN = "StudioSync.app.";
    expect(platformHostOf("harmony-house")).toBe("harmony-house.studiosync.app");
  });

  it("knows its subdomains: one label deep names a studio; anything under it is the platform's", () => {
    process.env.PLATFORM_DOMAIN = "studiosync.app";
    expect(platformSubdomainLabel("harmony-house.studiosync.app")).toBe("harmony-house");
    expect(platformSubdomainLabel("a.b.studiosync.app")).toBeUndefined();
    expect(platformSubdomainLabel("studiosync.app")).toBeUndefined();
    expect(platformSubdomainLabel("evilstudiosync.app")).toBeUndefined();
    expect(isPlatformHost("a.b.studiosync.app")).toBe(true);
    expect(isPlatformHost("studiosync.app")).toBe(true);
    expect(isPlatformHost("notstudiosync.app")).toBe(false);
  });
});

describe("the DNS servers asked", () => {
  const saved = { servers: process.env.DNS_SERVERS, stage: process.env.STAGE };
  afterEach(() => {
    if (saved.servers === undefined) delete process.env.DNS_SERVERS;
    else process.env.DNS_SERVERS = saved.servers;
    process.env.STAGE = saved.stage;
  });

  it("are DNS_SERVERS when set; in tests nothing else is ever asked", () => {
    process.env.DNS_SERVERS = " 127.0.0.1:53535 , 127.0.0.2 ";
    expect(dnsServers()).toEqual(["127.0.0.1:53535", "127.0.0.2"]);
    delete process.env.DNS_SERVERS;
    process.env.STAGE = "test";
    expect(() => dnsServers()).toThrow(/DNS_SERVERS must name the local DNS responder/);
    process.env.STAGE = "production";
    expect(dnsServers()).toBeUndefined();
  });
});
