import { signVisitorIp } from "@studiosync/core/rate-limit";
import { describe, expect, it } from "vitest";
import { createApp } from "../src/app";
import { api, ownerWithStudio, uniqueEmail } from "./support/api";

const PER_IP = 30; // ACCESS_REQUEST_LIMITS.perIp: access requests per IP and hour
const appSecret = () => process.env.APP_SECRET!;
const someIp = (prefix: string) => `${prefix}.${Math.floor(Math.random() * 250) + 1}`;
const visitorHeaders = (ip: string, signature = signVisitorIp(ip, appSecret())) => ({ "X-Visitor-Ip": ip, "X-Visitor-Ip-Signature": signature });

async function studioSlug() {
  return (await ownerWithStudio()).studio.slug;
}

const requestAccess = (slug: string, options: { ip?: string; headers?: Record<string, string> }) =>
  api("POST", `/v1/public/studios/${slug}/access-requests`, {
    body: { email: uniqueEmail("joiner"), firstName: "Jo", lastName: "Joiner", role: "student" },
    ...options,
  });

/** Uses up an address's access-request allowance. */
async function exhaust(slug: string, options: { ip?: string; headers?: Record<string, string> }) {
  for (let i = 0; i < PER_IP; i++) expect((await requestAccess(slug, options)).status).toBe(202);
}

describe("issue 10 #8: per-IP limits use the address the platform saw", () => {
  it("ignores a client-set X-Forwarded-For: changing it does not change the bucket", async () => {
    const slug = await studioSlug();
    const socket = someIp("192.0.2");
    for (let i = 0; i < PER_IP; i++) {
      const res = await requestAccess(slug, { ip: socket, headers: { "X-Forwarded-For": `10.9.${i}.1` } });
      expect(res.status).toBe(202);
    }
    const limited = await requestAccess(slug, { ip: socket, headers: { "X-Forwarded-For": "10.9.200.1" } });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("Retry-After"))).toBeGreaterThan(0);
  });

  it("counts the site's signed X-Visitor-Ip as the visitor's address, and ignores a forged one", async () => {
    const slug = await studioSlug();
    const site = someIp("192.0.2"); // the site server's own address, as the API sees it
    await exhaust(slug, { ip: site, headers: visitorHeaders(someIp("203.0.113")) });
    // Those attempts counted against the visitor, not against the site: another visitor still gets in.
    expect((await requestAccess(slug, { ip: site, headers: visitorHeaders(someIp("198.18.0")) })).status).toBe(202);

    const visitor = someIp("198.18.1");
    await exhaust(slug, { ip: site, headers: visitorHeaders(visitor) });
    expect((await requestAccess(slug, { ip: site, headers: visitorHeaders(visitor) })).status).toBe(429);
    // A client sending the header itself cannot sign it: a bad or missing signature is ignored.
    const forged = await requestAccess(slug, { ip: site, headers: visitorHeaders(someIp("198.18.2"), signVisitorIp("1.2.3.4", appSecret())) });
    const unsigned = await requestAccess(slug, { ip: site, headers: { "X-Visitor-Ip": someIp("198.18.3") } });
    expect([forged.status, unsigned.status]).toEqual([202, 202]); // counted against the site's own address…
    await exhaust(slug, { ip: someIp("198.18.4"), headers: { "X-Visitor-Ip": visitor } }); // …never against the named visitor
  });

  it("uses API Gateway's sourceIp on Lambda, not X-Forwarded-For", async () => {
    const slug = await studioSlug();
    const app = createApp();
    const sourceIp = someIp("100.64.0");
    const send = (forwardedFor: string) =>
      app.request(
        `/v1/public/studios/${slug}/access-requests`,
        {
          method: "POST",
          headers: { "Content-Type": "application/json", "X-Forwarded-For": forwardedFor },
          body: JSON.stringify({ email: uniqueEmail("joiner"), firstName: "Jo", lastName: "Joiner", role: "student" }),
        },
        { event: { requestContext: { http: { sourceIp } } } },
      );
    for (let i = 0; i < PER_IP; i++) expect((await send(`10.8.${i}.1`)).status).toBe(202);
    expect((await send("10.8.250.1")).status).toBe(429);
  });
});
