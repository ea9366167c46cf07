import { it, expect } from "vitest";
import { api, ownerWithStudio } from "./support/api";
import { seedFamily } from "./support/people";

it("times a max-size import", async () => {
  const owner = await ownerWithStudio();
  await seedFamily(owner.studio.id, "The Lutes");
  await seedFamily(owner.studio.id, "The Oboes");
  const header = "firstName,lastName,email,instrument,skillLevel,dateOfBirth,enrollmentDate,familyName,notes";
  const lines: string[] = [];
  for (let i = 0; i < 1000; i++) {
    lines.push(`F${i},L${i},s${i}@ex.test,piano,,,,${i % 50 === 0 ? "The Lutes" : ""},`);
  }
  const csv = [header, ...lines].join("\n");
  console.log("rows", lines.length, "bytes", csv.length);
  for (const label of ["first", "again"]) {
    const t0 = performance.now();
    const res = await api("POST", `/v1/studios/${owner.studio.id}/imports`, { token: owner.accessToken, body: { kind: "students", csv } });
    const ms = performance.now() - t0;
    console.log(label, res.status, res.body.created, res.body.skipped, res.body.failed, Math.round(ms), "ms");
    expect(res.status).toBe(200);
  }
}, 120_000);
