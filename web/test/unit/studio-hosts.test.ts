import { describe, expect, it } from "vitest";
import { hostnameError, hostUrl } from "../../src/lib/domains";
import { settingsTabs } from "../../src/lib/settings-tabs";
import { currentSubdomain, isSiteHost, movedLocation, requestHost, routeOnStudioHost, sitePlatformDomain } from "../../src/lib/studio-hosts";

describe("a studio's hosts", () => {
  it("reads the Host header as a DNS name and port, nothing else", () => {
    expect(requestHost("Harmony.StudioSync.localhost:4321")).toEqual({ hostname: "harmony.studiosync.localhost", port: "4321" });
    expect(requestHost("www.example.com.")).toEqual({ hostname: "www.example.com", port: "" });
    for (const bad of [null, "", "[::1]:4321", "a b.com", "évil.com", "x.com:99999999"]) expect(requestHost(bad), String(bad)).toBeUndefined();
  });

  it("knows the site's own hosts, which never show a studio", () => {
    const options = { platformDomain: "studiosync.app", siteUrl: "https://app.studiosync.com" };
    for (const host of [
      "127.0.0.1",
      "localhost",
      "studiosync.app",
      "www.studiosync.app",
      "app.studiosync.com",
      "d1234.cloudfront.net",
      "abc.lambda-url.us-east-1.on.aws",
    ])
      expect(isSiteHost(host, options), host).toBe(true);
    for (const host of ["harmony.studiosync.app", "www.harmony-music.com"]) expect(isSiteHost(host, options), host).toBe(false);
  });

  it("takes the platform domain from the environment, studiosync.localhost off AWS", () => {
    expect(sitePlatformDomain({ PLATFORM_DOMAIN: "StudioSync.app." })).toBe("studiosync.app");
    expect(sitePlatformDomain({})).toBe("studiosync.localhost");
    expect(sitePlatformDomain({ SST_APP: "studiosync" })).toBeUndefined();
  });

  it("serves the studio's pages under its slug, its own links as they are, and the site's sections at the site", () => {
    expect(routeOnStudioHost("harmony", "/", "", "https://studiosync.app")).toEqual({ kind: "rewrite", path: "/harmony" });
    expect(routeOnStudioHost("harmony", "/events/e1", "?x=1")).toEqual({ kind: "rewrite", path: "/harmony/events/e1?x=1" });
    expect(routeOnStudioHost("harmony", "/harmony/join", "")).toEqual({ kind: "pass" });
    expect(routeOnStudioHost("harmony", "/_astro/app.css", "")).toEqual({ kind: "pass" });
    expect(routeOnStudioHost("harmony", "/dashboard/studios/s1", "", "https://studiosync.app/")).toEqual({
      kind: "redirect",
      location: "https://studiosync.app/dashboard/studios/s1",
    });
    // Without the site's address, a site section is the studio's (its 404).
    expect(routeOnStudioHost("harmony", "/login", "")).toEqual({ kind: "rewrite", path: "/harmony/login" });
  });

  it("turns a moved studio's redirect into the address on this host", () => {
    const sub = { slug: "old", kind: "subdomain" as const, hostname: "old.studiosync.localhost" };
    const origin = { protocol: "http:", port: "4321" };
    expect(movedLocation("/new/join?x=1", sub, origin)).toBe("http://new.studiosync.localhost:4321/join?x=1");
    expect(movedLocation("/new", sub, { protocol: "https:", port: "" })).toBe("https://new.studiosync.localhost/");
    expect(movedLocation("/old/join", sub, origin)).toBeUndefined();
    expect(movedLocation("https://elsewhere.example/x", sub, origin)).toBeUndefined();
    expect(movedLocation("/new/join?x=1", { slug: "old", kind: "custom", hostname: "www.harmony.com" }, origin)).toBe("/join?x=1");
    expect(currentSubdomain({ slug: "new", kind: "subdomain", hostname: "old.studiosync.app" })).toBe("new.studiosync.app");
    expect(currentSubdomain({ slug: "new", kind: "subdomain", hostname: "new.studiosync.app" })).toBeUndefined();
    expect(currentSubdomain({ slug: "new", kind: "custom", hostname: "www.harmony.com" })).toBeUndefined();
  });
});

describe("the domains page", () => {
  it("links an address the way the site is reached, and words the API's field errors as sentences", () => {
    expect(hostUrl("harmony.studiosync.localhost", new URL("http://127.0.0.1:4321/x"))).toBe("http://harmony.studiosync.localhost:4321/");
    expect(hostUrl("harmony.studiosync.app", new URL("https://studiosync.app/x"))).toBe("https://harmony.studiosync.app/");
    const problem = (message: string) => ({ type: "x", title: "x", status: 422, errors: [{ path: "hostname", message }] });
    expect(hostnameError(problem("must be a domain name, not an IP address"))).toEqual({ hostname: "The domain must be a domain name, not an IP address." });
    expect(hostnameError(problem("Enter a domain, such as www.your-studio.com"))).toEqual({ hostname: "Enter a domain, such as www.your-studio.com." });
  });

  it("is an owners' tab", () => {
    const labels = (role: string) => settingsTabs("/b", "profile", role).map((tab) => tab.label);
    expect(labels("owner")).toContain("Domains");
    expect(labels("admin")).not.toContain("Domains");
  });
});
