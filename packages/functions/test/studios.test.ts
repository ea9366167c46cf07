import { beforeAll, describe, expect, it } from "vitest";
import { api, dbCost, ownerWithStudio, signUpBody, uniqueSlug } from "./support/api";

type Owner = Awaited<ReturnType<typeof ownerWithStudio>>;
let owner: Owner;
let intruder: Owner;

// A 1×1 transparent PNG.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");

beforeAll(async () => {
  [owner, intruder] = await Promise.all([ownerWithStudio({ studioName: "Cadence Academy" }), ownerWithStudio()]);
});

describe("GET /v1/studios/{studioId}", () => {
  it("returns the studio to its owner in one DynamoDB call", async () => {
    const res = await api("GET", `/v1/studios/${owner.studio.id}`, { token: owner.accessToken });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: owner.studio.id, name: "Cadence Academy", currency: "USD", logoUrl: null });
    expect(dbCost(res.headers).calls).toBe(1);
  });

  it("answers 404 for an unknown studio", async () => {
    const unknown = await api("GET", "/v1/studios/does-not-exist", { token: owner.accessToken });
    expect(unknown.status).toBe(404);
  });
});

describe("PATCH /v1/studios/{studioId}", () => {
  it("updates branding and contact details, and clears fields with null", async () => {
    const branding = {
      description: "Lessons for every age.",
      website: "https://cadence.example",
      email: "hello@cadence.example",
      phone: "+1 (555) 010-2000",
      address: "1 Main St",
      city: "Springfield",
      state: "IL",
      country: "US",
      postalCode: "62701",
      themeColor: "#AA3366",
    };
    const res = await api("PATCH", `/v1/studios/${owner.studio.id}`, { token: owner.accessToken, body: branding });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ...branding, themeColor: "#aa3366" });
    expect(dbCost(res.headers).calls).toBeLessThanOrEqual(3);

    const cleared = await api("PATCH", `/v1/studios/${owner.studio.id}`, { token: owner.accessToken, body: { phone: null } });
    expect(cleared.body.phone).toBeNull();
    const read = await api("GET", `/v1/studios/${owner.studio.id}`, { token: owner.accessToken });
    expect(read.body).toMatchObject({ phone: null, website: "https://cadence.example" });
  });

  it("names each invalid field and changes nothing", async () => {
    const res = await api("PATCH", `/v1/studios/${owner.studio.id}`, {
      token: owner.accessToken,
      body: { themeColor: "red", website: "javascript:alert(1)", timeZone: "Nowhere", description: "ok", unknownField: 1 },
    });
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(["themeColor", "timeZone", "unknownField", "website"]);
    const read = await api("GET", `/v1/studios/${owner.studio.id}`, { token: owner.accessToken });
    expect(read.body.description).not.toBe("ok");
  });

  it("moves the public page to a new slug; the old one keeps leading there and stays the studio's", async () => {
    const studio = await ownerWithStudio();
    const oldSlug = studio.studio.slug;
    const newSlug = uniqueSlug("moved");
    const res = await api("PATCH", `/v1/studios/${studio.studio.id}`, { token: studio.accessToken, body: { slug: newSlug } });
    expect(res.status).toBe(200);
    expect(res.body.slug).toBe(newSlug);
    expect((await api("GET", `/v1/public/studios/${newSlug}`)).body.slug).toBe(newSlug);
    // The old address resolves to the studio, naming its current slug (the site redirects there).
    const old = await api("GET", `/v1/public/studios/${oldSlug}`);
    expect(old.status).toBe(200);
    expect(old.body.slug).toBe(newSlug);
    const join = await api("POST", `/v1/public/studios/${oldSlug}/access-requests`, {
      body: { firstName: "Old", lastName: "Link", email: "old-link@example.test", role: "student" },
    });
    expect(join.status).toBe(202);
    expect((await api("GET", `/v1/public/studios/${oldSlug}/teachers`)).status).toBe(200);

    // Nobody else can take the old slug while it redirects, nor the new one; the studio may move back.
    const grab = await api("PATCH", `/v1/studios/${intruder.studio.id}`, { token: intruder.accessToken, body: { slug: oldSlug } });
    expect(grab.status).toBe(409);
    expect(grab.body.errors[0].path).toBe("slug");
    const taken = await api("PATCH", `/v1/studios/${studio.studio.id}`, { token: studio.accessToken, body: { slug: owner.studio.slug } });
    expect(taken.status).toBe(409);
    expect((await api("POST", "/v1/auth/signup", { body: signUpBody({ slug: oldSlug }) })).status).toBe(409);
    expect((await api("GET", `/v1/public/studios/${oldSlug}`)).body.slug).toBe(newSlug);

    const back = await api("PATCH", `/v1/studios/${studio.studio.id}`, { token: studio.accessToken, body: { slug: oldSlug } });
    expect(back.status).toBe(200);
    expect((await api("GET", `/v1/public/studios/${oldSlug}`)).body.slug).toBe(oldSlug);
    expect((await api("GET", `/v1/public/studios/${newSlug}`)).body.slug).toBe(oldSlug);
  });

  it("is refused to other studios and anonymous callers, changing nothing", async () => {
    expect((await api("PATCH", `/v1/studios/${owner.studio.id}`, { body: { name: "Hijacked" } })).status).toBe(401);
    expect((await api("PATCH", `/v1/studios/${owner.studio.id}`, { token: intruder.accessToken, body: { name: "Hijacked" } })).status).toBe(404);
    const read = await api("GET", `/v1/studios/${owner.studio.id}`, { token: owner.accessToken });
    expect(read.body.name).toBe("Cadence Academy");
  });
});

describe("logo upload", () => {
  it("uploads a logo through a presigned URL and shows it publicly", async () => {
    const ticket = await api("POST", `/v1/studios/${owner.studio.id}/logo-upload`, {
      token: owner.accessToken,
      body: { contentType: "image/png", contentLength: PNG.length },
    });
    expect(ticket.status).toBe(200);
    expect(ticket.body.key).toMatch(new RegExp(`^${owner.studio.id}/branding/logo-.+\\.png$`));

    // Pointing at the key before anything is uploaded is refused.
    const early = await api("PATCH", `/v1/studios/${owner.studio.id}`, { token: owner.accessToken, body: { logoKey: ticket.body.key } });
    expect(early.status).toBe(422);

    const put = await fetch(ticket.body.uploadUrl, { method: "PUT", headers: ticket.body.headers, body: PNG });
    expect(put.status).toBe(200);
    const patched = await api("PATCH", `/v1/studios/${owner.studio.id}`, { token: owner.accessToken, body: { logoKey: ticket.body.key } });
    expect(patched.status).toBe(200);

    const pub = await api("GET", `/v1/public/studios/${owner.studio.slug}`);
    const logo = await fetch(pub.body.logoUrl);
    expect(logo.status).toBe(200);
    expect(Buffer.from(await logo.arrayBuffer()).equals(PNG)).toBe(true);
  });

  it("refuses other studios' files, wrong types and oversized logos", async () => {
    const foreignKey = `${intruder.studio.id}/branding/logo-x.png`;
    const foreign = await api("PATCH", `/v1/studios/${owner.studio.id}`, { token: owner.accessToken, body: { logoKey: foreignKey } });
    expect(foreign.status).toBe(422);
    expect(foreign.body.errors[0].path).toBe("logoKey");
    const bad = await api("POST", `/v1/studios/${owner.studio.id}/logo-upload`, {
      token: owner.accessToken,
      body: { contentType: "image/svg+xml", contentLength: 3 * 1024 * 1024 },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(["contentLength", "contentType"]);
  });
});

describe("GET /v1/public/studios/{slug}", () => {
  it("shows the public profile without private settings, in one DynamoDB call", async () => {
    const res = await api("GET", `/v1/public/studios/${owner.studio.slug.toUpperCase()}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: "Cadence Academy", slug: owner.studio.slug });
    expect(res.body).not.toHaveProperty("id");
    expect(res.body).not.toHaveProperty("currency");
    expect(res.body).not.toHaveProperty("logoKey");
    expect(dbCost(res.headers).calls).toBe(1);
  });

  it("answers 404 problems for unknown slugs", async () => {
    for (const slug of ["no-such-studio-anywhere", "x", "..%2F.."]) {
      const res = await api("GET", `/v1/public/studios/${slug}`);
      expect(res.status).toBe(404);
      expect(res.headers.get("Content-Type")).toContain("application/problem+json");
    }
  });
});
