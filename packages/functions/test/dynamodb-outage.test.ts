import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { applyLocalEnv } from "@studiosync/local/engines";
import { api, type ApiResponse, ownerWithStudio } from "./support/api";
import { EngineProxy } from "./support/engine-proxy";

type Owner = Awaited<ReturnType<typeof ownerWithStudio>>;

// This file's process talks to the shared DynamoDB Local through a proxy it can cut; other
// files (other processes) keep the engine to themselves.
const proxy = new EngineProxy(new URL(inject("localEnv").dynamodbEndpoint));
let owner: Owner;

beforeAll(async () => {
  const endpoint = await proxy.start();
  applyLocalEnv({ ...inject("localEnv"), dynamodbEndpoint: endpoint });
  owner = await ownerWithStudio();
});
afterAll(() => proxy.stop());

const studentsUrl = () => `/v1/studios/${owner.studio.id}/students`;
const addStudent = (lastName: string) => api("POST", studentsUrl(), { token: owner.accessToken, body: { firstName: "Outage", lastName } });
async function studentNames() {
  const res = await api("GET", `${studentsUrl()}?limit=100`, { token: owner.accessToken });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body.items as Array<{ lastName: string }>).map((s) => s.lastName);
}

function expectUnavailable(res: ApiResponse) {
  expect(res.status, JSON.stringify(res.body)).toBe(503);
  expect(res.headers.get("Content-Type")).toBe("application/problem+json");
  expect(Number(res.headers.get("Retry-After"))).toBeGreaterThan(0);
  expect(res.body).toMatchObject({ status: 503, code: "unavailable", type: "urn:studiosync:problem:unavailable", title: "Service unavailable" });
}

describe("issue 10 #30: DynamoDB unreachable or refusing → 503 with Retry-After, nothing half-written, recovery on its own", () => {
  it("answers 503 while the engine is gone, writes nothing, and serves again once it is back", async () => {
    proxy.set("refuse");
    expectUnavailable(await addStudent("while-down"));
    expectUnavailable(await api("GET", studentsUrl(), { token: owner.accessToken }));

    proxy.set("up");
    const after = await addStudent("after");
    expect(after.status, JSON.stringify(after.body)).toBe(201);
    expect(await studentNames()).toEqual(["after"]);
  });

  it("cut mid-traffic: every request is a 2xx or a 503 problem, and each answered write exists exactly once", async () => {
    const outcomes: Array<{ name: string; status: number }> = [];
    const worker = async (w: number) => {
      for (let i = 0; i < 12; i++) {
        const name = `mid-${w}-${i}`;
        const res = await addStudent(name);
        if (res.status === 503) expectUnavailable(res);
        else expect(res.status, JSON.stringify(res.body)).toBe(201);
        outcomes.push({ name, status: res.status });
        if (outcomes.length === 10) proxy.set("refuse");
        if (outcomes.length === 24) proxy.set("up");
      }
    };
    await Promise.all([0, 1, 2].map(worker));
    expect(outcomes.filter((o) => o.status === 503).length).toBeGreaterThan(0);
    expect(outcomes.filter((o) => o.status === 201).length).toBeGreaterThan(10);

    const names = await studentNames();
    for (const o of outcomes.filter((x) => x.status === 201))
      expect(
        names.filter((n) => n === o.name),
        o.name,
      ).toHaveLength(1);
    // A write cut before it reached the engine is absent; one cut after its commit may exist, but never twice.
    for (const o of outcomes) expect(names.filter((n) => n === o.name).length).toBeLessThanOrEqual(1);
  });

  it("answers 503 when DynamoDB throttles or fails with a 5xx, and recovers when it stops", async () => {
    for (const mode of ["throttle", "fail"] as const) {
      proxy.set(mode);
      expectUnavailable(await addStudent(`while-${mode}`));
      expectUnavailable(await api("GET", `/v1/studios/${owner.studio.id}`, { token: owner.accessToken }));
      proxy.set("up");
      const studio = await api("GET", `/v1/studios/${owner.studio.id}`, { token: owner.accessToken });
      expect(studio.status).toBe(200);
      expect(await studentNames()).not.toContain(`while-${mode}`);
    }
  });
});
