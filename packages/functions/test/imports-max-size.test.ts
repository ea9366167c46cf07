import { beforeAll, describe, expect, it } from "vitest";
import { MAX_CSV_BYTES, MAX_IMPORT_ROWS } from "@studiosync/core/imports";
import { api, ownerWithStudio } from "./support/api";
import { familyStudentIds, seedFamily } from "./support/people";

type Owner = Awaited<ReturnType<typeof ownerWithStudio>>;
/** A max-size import is ~30 transactions: slow on DynamoDB Local, seconds on AWS (29 s Lambda, see stacks/test). */
const SLOW = 300_000;

let owner: Owner;
let lutes: string;
let oboes: string;
beforeAll(async () => {
  owner = await ownerWithStudio();
  [lutes, oboes] = await Promise.all([seedFamily(owner.studio.id, "The Lutes"), seedFamily(owner.studio.id, "The Oboes")]);
});

/** MAX_IMPORT_ROWS rows: every 3rd joins The Lutes, every 3rd+1 The Oboes; row 500 is invalid, row 700 repeats row 1. */
function maxSizeCsv() {
  const rows = Array.from({ length: MAX_IMPORT_ROWS }, (_, i) => {
    const n = i + 1;
    if (n === 500) return `Bad${n},Row${n},not-an-email,,`;
    if (n === 700) return `First1,Last1,s1@import.test,piano,The Lutes`;
    return `First${n},Last${n},s${n}@import.test,piano,${n % 3 === 1 ? "The Lutes" : n % 3 === 2 ? "The Oboes" : ""}`;
  });
  const csv = ["firstName,lastName,email,instrument,familyName", ...rows].join("\n");
  expect(new TextEncoder().encode(csv).length).toBeLessThanOrEqual(MAX_CSV_BYTES);
  return csv;
}

describe("issue 10 #29: a max-size CSV import fits its Lambda", () => {
  it(
    "imports 1,000 rows with a correct report per row, links families, and creates nothing twice when imported again",
    async () => {
      const csv = maxSizeCsv();
      const res = await api("POST", `/v1/studios/${owner.studio.id}/imports`, { token: owner.accessToken, body: { kind: "students", csv } });
      expect(res.status, JSON.stringify(res.body).slice(0, 500)).toBe(200);
      expect(res.body).toMatchObject({ created: 998, skipped: 1, failed: 1 });
      const rows = res.body.rows as { row: number; status: string; id?: string; errors?: { field: string }[] }[];
      expect(rows.map((r) => r.row)).toEqual(Array.from({ length: MAX_IMPORT_ROWS }, (_, i) => i + 1));
      expect(rows[499]).toMatchObject({ status: "failed", errors: [{ field: "email" }] });
      expect(rows[699]).toEqual({ row: 700, status: "skipped", id: rows[0]!.id });
      const created = rows.filter((r) => r.status === "created");
      expect(new Set(created.map((r) => r.id)).size).toBe(998);

      const [inLutes, inOboes] = await Promise.all([familyStudentIds(owner.studio.id, lutes), familyStudentIds(owner.studio.id, oboes)]);
      const expected = (rest: number) =>
        created
          .filter((r) => r.row % 3 === rest)
          .map((r) => r.id!)
          .sort();
      expect(inLutes).toEqual(expected(1));
      expect(inOboes).toEqual(expected(2));

      const again = await api("POST", `/v1/studios/${owner.studio.id}/imports`, { token: owner.accessToken, body: { kind: "students", csv } });
      expect(again.body).toMatchObject({ created: 0, skipped: 999, failed: 1 });
      expect((again.body.rows as typeof rows).filter((r) => r.status === "skipped").map((r) => r.id)).toEqual(
        rows.filter((r) => r.status !== "failed").map((r) => r.id),
      );
      expect(await familyStudentIds(owner.studio.id, lutes)).toEqual(inLutes);
    },
    SLOW,
  );
});
