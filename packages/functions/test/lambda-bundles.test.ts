import { readdirSync, rmSync, statSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LAMBDA_BUNDLE_BUDGET_KB, LAMBDA_ESBUILD, LAMBDA_HANDLERS, API_MODULES, type ModuleName } from "../src/lambdas/routing";
import { extractLink, readMail } from "@studiosync/local/testing";
import { ownerWithStudio } from "./support/api";

/**
 * The Lambdas as deployed: each bundled with the settings stacks/Api.ts gives SST (minified, the
 * jsonschema stub, no kept names), then called with API Gateway HTTP API (v2) events.
 */
const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const OUT_DIR = fileURLToPath(new URL("../.bundle-test/", import.meta.url));
type Handler = (event: unknown) => Promise<{ statusCode: number; body: string; headers?: Record<string, string> }>;
const handlers = {} as Record<ModuleName, Handler>;

beforeAll(async () => {
  for (const { name } of API_MODULES) {
    const entry = `${LAMBDA_HANDLERS[name].replace(/\.handler$/, "")}.ts`;
    await build({
      entryPoints: [entry],
      absWorkingDir: REPO_ROOT,
      outdir: `${OUT_DIR}${name}`,
      outExtension: { ".js": ".mjs" },
      bundle: true,
      splitting: true,
      minify: true,
      platform: "node",
      format: "esm",
      target: "node22",
      external: ["@aws-sdk/*"],
      banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
      logLevel: "error",
      ...LAMBDA_ESBUILD,
    });
    const file = `${OUT_DIR}${name}/${entry.split("/").pop()!.replace(/\.ts$/, ".mjs")}`;
    handlers[name] = ((await import(pathToFileURL(file).href)) as { handler: Handler }).handler;
  }
}, 180_000);

afterAll(() => rmSync(OUT_DIR, { recursive: true, force: true }));

function event(method: string, path: string, options: { body?: unknown; token?: string } = {}) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  return {
    version: "2.0",
    routeKey: "$default",
    rawPath: path,
    rawQueryString: "",
    headers,
    requestContext: { http: { method, path, sourceIp: "198.51.100.20", protocol: "HTTP/1.1", userAgent: "test" }, requestId: "test", stage: "$default" },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    isBase64Encoded: false,
  };
}

describe("bundled API Lambdas", () => {
  it(`are each within ${LAMBDA_BUNDLE_BUDGET_KB} KB (the entry and its chunks)`, () => {
    const sizes = Object.fromEntries(
      API_MODULES.map(({ name }) => {
        const dir = `${OUT_DIR}${name}`;
        return [name, Math.round(readdirSync(dir).reduce((sum, file) => sum + statSync(`${dir}/${file}`).size, 0) / 1024)];
      }),
    );
    expect(Object.entries(sizes).filter(([, kb]) => kb > LAMBDA_BUNDLE_BUDGET_KB)).toEqual([]);
  });

  it("serve their routes with the real engines, and refuse others' paths", async () => {
    const owner = await ownerWithStudio();
    const studio = await handlers.platform(event("GET", `/v1/studios/${owner.studio.id}`, { token: owner.accessToken }));
    expect(studio.statusCode).toBe(200);
    expect(JSON.parse(studio.body).id).toBe(owner.studio.id);

    const created = await handlers.people(
      event("POST", `/v1/studios/${owner.studio.id}/teachers`, { token: owner.accessToken, body: { firstName: "Bundled", lastName: "Teacher" } }),
    );
    expect(created.statusCode).toBe(201);

    const members = await handlers.access(event("GET", `/v1/studios/${owner.studio.id}/members`, { token: owner.accessToken }));
    expect(members.statusCode).toBe(200);

    const invalid = await handlers.people(event("POST", `/v1/studios/${owner.studio.id}/students`, { token: owner.accessToken, body: {} }));
    expect(invalid.statusCode).toBe(422);
    expect(JSON.parse(invalid.body).errors.map((e: { path: string }) => e.path)).toContain("firstName");

    expect((await handlers.people(event("GET", `/v1/studios/${owner.studio.id}/members`, { token: owner.accessToken }))).statusCode).toBe(404);
    expect((await handlers.access(event("GET", `/v1/studios/${owner.studio.id}/teachers`))).statusCode).toBe(404);
    expect((await handlers.platform(event("GET", "/v1/me"))).statusCode).toBe(401);
  });

  it("book a lesson through the scheduling Lambda (a transaction across the scheduling service's entities)", async () => {
    const owner = await ownerWithStudio();
    const teacher = JSON.parse(
      (await handlers.people(event("POST", `/v1/studios/${owner.studio.id}/teachers`, { token: owner.accessToken, body: { firstName: "T", lastName: "One" } })))
        .body,
    );
    const student = JSON.parse(
      (await handlers.people(event("POST", `/v1/studios/${owner.studio.id}/students`, { token: owner.accessToken, body: { firstName: "S", lastName: "One" } })))
        .body,
    );
    const body = { teacherId: teacher.id, studentId: student.id, scheduledStart: "2031-03-04T15:00:00Z", durationMinutes: 30 };
    const booked = await handlers.scheduling(event("POST", `/v1/studios/${owner.studio.id}/lessons`, { token: owner.accessToken, body }));
    expect(booked.statusCode, booked.body).toBe(201);
    const again = await handlers.scheduling(event("POST", `/v1/studios/${owner.studio.id}/lessons`, { token: owner.accessToken, body }));
    expect(again.statusCode).toBe(409);
    expect(JSON.parse(again.body).conflicts[0].lessonId).toBe(JSON.parse(booked.body).id);
    expect((await handlers.teaching(event("GET", `/v1/studios/${owner.studio.id}/teachers`, { token: owner.accessToken }))).statusCode).toBe(404);
    const policy = await handlers.closures(event("GET", `/v1/studios/${owner.studio.id}/cancellation-policy`, { token: owner.accessToken }));
    expect(policy.statusCode, policy.body).toBe(200);
  });

  it("issue an invoice through the invoices Lambda, and serve its public page and Stripe's webhook through the pay Lambda", async () => {
    const owner = await ownerWithStudio();
    const studio = `/v1/studios/${owner.studio.id}`;
    const student = JSON.parse(
      (
        await handlers.people(
          event("POST", `${studio}/students`, { token: owner.accessToken, body: { firstName: "Pay", lastName: "Er", email: "payer@example.test" } }),
        )
      ).body,
    );
    const draft = await handlers.invoices(
      event("POST", `${studio}/invoices`, {
        token: owner.accessToken,
        body: { account: { kind: "student", partyId: student.id }, lines: [{ description: "Lesson", quantity: 2, unitPriceMinor: 2_550 }] },
      }),
    );
    expect(draft.statusCode, draft.body).toBe(201);
    const sent = await handlers.invoices(event("POST", `${studio}/invoices/${JSON.parse(draft.body).id}/send`, { token: owner.accessToken }));
    expect(sent.statusCode, sent.body).toBe(200);
    expect(JSON.parse(sent.body)).toMatchObject({ number: "INV-000001", totalMinor: 5_100, balanceDueMinor: 5_100 });

    const [mail] = await readMail("payer@example.test", { subject: "INV-000001", since: Date.now() / 1000 - 60 });
    const token = new URL(extractLink(mail!.body.text ?? "", `/${owner.studio.slug}/invoices/`)).pathname.split("/").pop()!;
    const page = await handlers.pay(event("GET", `/v1/public/invoices/${token}`));
    expect(page.statusCode, page.body).toBe(200);
    expect(JSON.parse(page.body)).toMatchObject({ number: "INV-000001", balanceDueMinor: 5_100 });
    const forged = await handlers.pay({
      ...event("POST", "/v1/webhooks/stripe", { body: { id: "evt_1", data: { object: { metadata: { studioId: owner.studio.id } } } } }),
      headers: { "stripe-signature": "t=1,v1=00" },
    });
    expect(forged.statusCode).toBe(400);
    expect((await handlers.billing(event("GET", `${studio}/teachers`, { token: owner.accessToken }))).statusCode).toBe(404);
  });
});
