import { randomUUID } from "node:crypto";
import { resetConfig } from "@studiosync/core/kernel";
import { claimMigration, migrationRecords } from "@studiosync/core/migrations";
import { ensureTableAndBucket } from "@studiosync/local/engines";
import { runMigrations, type Migration } from "@studiosync/scripts";
import { beforeAll, describe, expect, it } from "vitest";

/** This file runs on its own table: its migration records are the only ones there. */
beforeAll(async () => {
  process.env.TABLE_NAME = `migrations-test-${randomUUID().slice(0, 8)}`;
  resetConfig();
  await ensureTableAndBucket({ tableName: process.env.TABLE_NAME, bucketName: process.env.BUCKET_NAME! });
});

/** Migrations that count their runs (by id) and say so in their summary. */
function counted(ids: string[], runs = new Map<string, number>()) {
  const migrations: Migration[] = ids.map((id) => ({
    id,
    description: `test migration ${id}`,
    run: async () => {
      runs.set(id, (runs.get(id) ?? 0) + 1);
      return `ran ${id}`;
    },
  }));
  return { migrations, runs };
}

const recordOf = async (id: string) => (await migrationRecords()).find((r) => r.migrationId === id);

describe("runMigrations", () => {
  it("applies pending migrations in id order, records each and prints one line per migration", async () => {
    const order: string[] = [];
    const { migrations, runs } = counted(["0002-second", "0001-first"]);
    const lines: string[] = [];
    const outcome = await runMigrations({
      migrations: migrations.map((m) => ({ ...m, run: async (context) => (order.push(m.id), m.run(context)) })),
      log: (line) => lines.push(line),
    });
    expect(order).toEqual(["0001-first", "0002-second"]);
    expect(outcome).toEqual({
      applied: [
        { id: "0001-first", summary: "ran 0001-first" },
        { id: "0002-second", summary: "ran 0002-second" },
      ],
      skipped: [],
    });
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^Applied migration 0001-first: ran 0001-first \(\d+\.\d s\)$/);
    expect([...runs.values()]).toEqual([1, 1]);
    const record = await recordOf("0001-first");
    expect(record).toMatchObject({ status: "applied", description: "test migration 0001-first", summary: "ran 0001-first" });
    expect(record?.appliedAt).toBeTruthy();
  });

  it("skips applied migrations and applies only a new one", async () => {
    const { migrations, runs } = counted(["0001-first", "0002-second", "0003-third"]);
    const lines: string[] = [];
    const outcome = await runMigrations({ migrations, log: (line) => lines.push(line) });
    expect(outcome).toEqual({ applied: [{ id: "0003-third", summary: "ran 0003-third" }], skipped: ["0001-first", "0002-second"] });
    expect(Object.fromEntries(runs)).toEqual({ "0003-third": 1 });
    expect(lines).toHaveLength(1);

    const again = await runMigrations({ migrations, log: (line) => lines.push(line) });
    expect(again).toEqual({ applied: [], skipped: ["0001-first", "0002-second", "0003-third"] });
    expect(lines).toHaveLength(1);
  });

  it("two runs at once apply each migration once, and both return once all are applied", async () => {
    const { migrations, runs } = counted(["0101-a", "0102-b", "0103-c"]);
    const [first, second] = await Promise.all([
      runMigrations({ migrations, log: () => {}, pollMs: 10 }),
      runMigrations({ migrations, log: () => {}, pollMs: 10 }),
    ]);
    expect(Object.fromEntries(runs)).toEqual({ "0101-a": 1, "0102-b": 1, "0103-c": 1 });
    const applied = [...first.applied, ...second.applied].map((a) => a.id).sort();
    expect(applied).toEqual(["0101-a", "0102-b", "0103-c"]);
    for (const outcome of [first, second]) {
      expect([...outcome.applied.map((a) => a.id), ...outcome.skipped].sort()).toEqual(applied);
    }
    for (const id of applied) expect((await recordOf(id))?.status).toBe("applied");
  });

  it("a run that finds another run applying a migration waits for it instead of applying it again", async () => {
    const { migrations, runs } = counted(["0151-slow", "0152-next"]);
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    let openGate!: () => void;
    const gate = new Promise<void>((resolve) => (openGate = resolve));
    const slow: Migration = { ...migrations[0]!, run: async (context) => (entered(), await gate, migrations[0]!.run(context)) };
    const first = runMigrations({ migrations: [slow, migrations[1]!], log: () => {} });
    await inside;
    // The second run reads the clock before each claim: its second attempt comes after it found the claim held and waited.
    let attempts = 0;
    const clock = () => {
      if (++attempts === 2) openGate();
      return new Date();
    };
    const second = await runMigrations({ migrations: [slow, migrations[1]!], log: () => {}, clock, pollMs: 10 });
    expect(attempts).toBeGreaterThanOrEqual(2);
    expect(second.skipped).toContain("0151-slow");
    expect((await first).applied.map((a) => a.id)).toContain("0151-slow");
    expect(Object.fromEntries(runs)).toEqual({ "0151-slow": 1, "0152-next": 1 });
  });

  it("a migration that fails is not recorded, stops the run, and runs again next time", async () => {
    let fail = true;
    const { migrations, runs } = counted(["0202-after"]);
    const failing: Migration = {
      id: "0201-fails-once",
      description: "fails the first time",
      run: async () => {
        if (fail) throw new Error("boom");
        return "done";
      },
    };
    await expect(runMigrations({ migrations: [failing, ...migrations], log: () => {} })).rejects.toThrow(/0201-fails-once failed/);
    expect(await recordOf("0201-fails-once")).toBeUndefined();
    expect(runs.size).toBe(0);

    fail = false;
    const outcome = await runMigrations({ migrations: [failing, ...migrations], log: () => {} });
    expect(outcome.applied.map((a) => a.id)).toEqual(["0201-fails-once", "0202-after"]);
  });

  it("a crashed run's claim is taken over once its lease has passed, not before", async () => {
    const { migrations, runs } = counted(["0301-crashed", "0302-held"]);
    const hourAgo = new Date(Date.now() - 3_600_000);
    // A run that crashed an hour ago with a one-minute lease, and one that holds its claim for another hour.
    expect(await claimMigration({ migrationId: "0301-crashed", description: "x", runId: "crashed-run", now: hourAgo, leaseMs: 60_000 })).toBe(true);
    expect(await claimMigration({ migrationId: "0302-held", description: "x", runId: "live-run", now: new Date(), leaseMs: 3_600_000 })).toBe(true);

    expect(await claimMigration({ migrationId: "0302-held", description: "x", runId: "other-run", now: new Date(), leaseMs: 60_000 })).toBe(false);
    const outcome = await runMigrations({ migrations: migrations.slice(0, 1), log: () => {} });
    expect(outcome.applied.map((a) => a.id)).toEqual(["0301-crashed"]);
    expect(Object.fromEntries(runs)).toEqual({ "0301-crashed": 1 });
    expect(await recordOf("0301-crashed")).toMatchObject({ status: "applied" });
    expect(await recordOf("0302-held")).toMatchObject({ status: "running", runId: "live-run" });
  });

  it("refuses a migration id that is not NNNN-name, or one given twice", async () => {
    const { migrations } = counted(["0401-ok"]);
    await expect(runMigrations({ migrations: [{ ...migrations[0]!, id: "1-bad" }] })).rejects.toThrow(/not NNNN-name/);
    await expect(runMigrations({ migrations: [...migrations, ...migrations] })).rejects.toThrow(/appears twice/);
  });
});
