import { resetConfig } from "@studiosync/core/kernel";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "@studiosync/local/engines";
import { readMail } from "@studiosync/local/testing";
import { api, ownerWithStudio } from "./support/api";
import { addStudent, auditActions } from "./support/people";

type Owner = Awaited<ReturnType<typeof ownerWithStudio>>;
let owner: Owner;
const s3Endpoint = process.env.S3_ENDPOINT;

beforeAll(async () => {
  owner = await ownerWithStudio();
});

afterEach(() => {
  process.env.S3_ENDPOINT = s3Endpoint;
  resetConfig();
});

describe("issue 10 #30: S3 failing answers 503 with Retry-After and writes nothing", () => {
  it("#30: a privacy export while S3 is down is a 503 problem (no audit event, no email); once S3 is back it works and mails once", async () => {
    const child = await addStudent(owner, { firstName: "Ida" });
    // This worker's app talks to an S3 endpoint nothing listens on.
    process.env.S3_ENDPOINT = `http://127.0.0.1:${await freePort()}`;
    resetConfig();
    const down = await api("POST", `/v1/studios/${owner.studio.id}/privacy/exports`, {
      token: owner.accessToken,
      body: { subject: { type: "student", id: child.id } },
    });
    expect(down.status, JSON.stringify(down.body)).toBe(503);
    expect(down.headers.get("Content-Type")).toContain("application/problem+json");
    expect(Number(down.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(down.body).toMatchObject({ status: 503, code: "unavailable" });
    expect(await auditActions(owner.studio.id, "student", child.id)).not.toContain("privacy.exported");

    process.env.S3_ENDPOINT = s3Endpoint;
    resetConfig();
    const up = await api("POST", `/v1/studios/${owner.studio.id}/privacy/exports`, {
      token: owner.accessToken,
      body: { subject: { type: "student", id: child.id } },
    });
    expect(up.status, JSON.stringify(up.body)).toBe(202);
    const mails = await readMail(owner.email, { subject: "data export" });
    expect(mails).toHaveLength(1);
    expect(await auditActions(owner.studio.id, "student", child.id)).toContain("privacy.exported");
  });
});
