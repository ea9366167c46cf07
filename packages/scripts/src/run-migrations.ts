import { randomUUID } from "node:crypto";
import { config, dynamo, systemClock, type Clock } from "@studiosync/core/kernel";
import { claimMigration, migrationRecord, migrationRecords, recordApplied, releaseClaim } from "@studiosync/core/migrations";
import type { Migration } from "./migration";
import { MIGRATIONS } from "./migrations";

export interface RunOptions {
  /** Default: every migration in migrations/index.ts. */
  migrations?: readonly Migration[];
  /** Where the run's lines go (default: the console). */
  log?: (line: string) => void;
  clock?: Clock;
  /** How long a claim holds before another run may take over (a crashed run's migration). */
  leaseMs?: number;
  /** How often a run waiting for another run's migration looks again. */
  pollMs?: number;
}

export interface RunOutcome {
  /** The migrations this run applied, in order, with what each reported. */
  applied: { id: string; summary: string }[];
  /** Applied before, by an earlier run or a concurrent one. */
  skipped: string[];
}

const LEASE_MS = 15 * 60_000;
const ID = /^\d{4}-[a-z0-9-]+$/;

/**
 * Applies the table's pending data migrations (TABLE_NAME, as core's config reads it), oldest
 * first, each once per table: one Query says which are pending (all that is read when none is).
 * A migration is claimed by a conditional write before it runs and recorded as applied after; a run
 * that finds another run's claim waits for it, so when any run resolves every migration is applied.
 * A migration that throws gives its claim up and stops the run (later ones may build on it); a run
 * that crashed leaves a claim another run takes over once its lease (15 minutes) has passed.
 */
export async function runMigrations(options: RunOptions = {}): Promise<RunOutcome> {
  const migrations = inOrder(options.migrations ?? MIGRATIONS);
  const log = options.log ?? ((line: string) => console.log(line));
  const clock = options.clock ?? systemClock;
  const recorded = new Map((await migrationRecords()).map((record) => [record.migrationId, record.status]));
  const outcome: RunOutcome = { applied: [], skipped: migrations.filter((m) => recorded.get(m.id) === "applied").map((m) => m.id) };
  const runId = randomUUID();
  for (const migration of migrations.filter((m) => recorded.get(m.id) !== "applied")) {
    const summary = await applyOnce(migration, runId, { log, clock, leaseMs: options.leaseMs ?? LEASE_MS, pollMs: options.pollMs ?? 250 });
    if (summary === undefined) outcome.skipped.push(migration.id);
    else outcome.applied.push({ id: migration.id, summary });
  }
  return outcome;
}

/** Runs one migration if this run wins its claim; otherwise waits until another run has applied it (undefined). */
async function applyOnce(
  migration: Migration,
  runId: string,
  { log, clock, leaseMs, pollMs }: Required<Pick<RunOptions, "log" | "clock" | "leaseMs" | "pollMs">>,
): Promise<string | undefined> {
  for (;;) {
    const started = clock();
    if (await claimMigration({ migrationId: migration.id, description: migration.description, runId, now: started, leaseMs })) {
      let summary: string;
      try {
        summary = await migration.run({ tableName: config().tableName, client: dynamo(), now: started, log });
      } catch (error) {
        await releaseClaim(migration.id, runId);
        throw new Error(`Migration ${migration.id} failed (nothing recorded; it runs again next time)`, { cause: error });
      }
      const seconds = ((clock().getTime() - started.getTime()) / 1000).toFixed(1);
      const kept = await recordApplied(migration.id, runId, summary, clock());
      log(`Applied migration ${migration.id}: ${summary} (${seconds} s)${kept ? "" : "; another run had taken its claim over"}`);
      return summary;
    }
    const record = await migrationRecord(migration.id);
    if (record?.status === "applied") return undefined;
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

/** The migrations sorted by id, refusing ids that are not "NNNN-name" or appear twice. */
function inOrder(migrations: readonly Migration[]): Migration[] {
  const ids = new Set<string>();
  for (const { id } of migrations) {
    if (!ID.test(id)) throw new Error(`Migration id "${id}" is not NNNN-name (lower case)`);
    if (ids.has(id)) throw new Error(`Migration id "${id}" appears twice`);
    ids.add(id);
  }
  return [...migrations].sort((a, b) => a.id.localeCompare(b.id));
}
