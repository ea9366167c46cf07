import { readClaims } from "./import-claims";
import type { ImportFieldError, ImportRowResult } from "./schemas";
import { writeRows, type ClaimTx, type PendingRow, type RowWrites, type WriteOutcome } from "./write-rows";

/** A row that passed its kind's rules: its number and import hash. */
export interface HashedRow {
  row: number;
  importHash: string;
}

export interface SettleOptions<Tx extends ClaimTx, V extends HashedRow> {
  dryRun: boolean;
  /** Rows already failed (unreadable, or against the kind's rules), by row number. */
  failures: Map<number, ImportFieldError[]>;
  valid: V[];
  /** Earlier imports' records by import hash (readClaims, read with the kind's own lookups). */
  claims: Map<string, string>;
  /** A new row's write, or its errors (e.g. a family or teacher it names is not found). */
  prepare(row: V): PendingRow<Tx> | { errors: ImportFieldError[] };
  writes: RowWrites<Tx>;
}

/** The claims of the valid rows' hashes (one BatchGetItem per 100). */
export const claimsOf = (studioId: string, valid: HashedRow[]) =>
  readClaims(
    studioId,
    valid.map((row) => row.importHash),
  );

/**
 * Settles every data row of an import: a row an earlier import (or an earlier identical row of
 * this file) created is skipped with that record's id; the others are prepared and written
 * (writeRows), unless `dryRun` ("created" then means "would be created", without an id). Returns
 * each row's result in row order.
 */
export async function settleRows<Tx extends ClaimTx, V extends HashedRow>(options: SettleOptions<Tx, V>): Promise<ImportRowResult[]> {
  const { dryRun, failures, valid, claims } = options;
  /** Row number → the id it was skipped for, or the row of this file it repeats. */
  const skipped = new Map<number, { id: string } | { sameAs: number }>();
  const firstOfHash = new Map<string, V>();
  const pending: PendingRow<Tx>[] = [];
  const planned = new Set<number>();
  for (const row of valid) {
    const claimed = claims.get(row.importHash);
    if (claimed) {
      skipped.set(row.row, { id: claimed });
      continue;
    }
    const first = firstOfHash.get(row.importHash);
    if (first) {
      skipped.set(row.row, { sameAs: first.row });
      continue;
    }
    const prepared = options.prepare(row);
    if ("errors" in prepared) {
      failures.set(row.row, prepared.errors);
      continue;
    }
    firstOfHash.set(row.importHash, row);
    if (dryRun) planned.add(row.row);
    else pending.push(prepared);
  }

  const { outcomes } = dryRun ? { outcomes: new Map<number, WriteOutcome>() } : await writeRows(options.writes, pending);
  const rowNumbers = [...new Set([...failures.keys(), ...valid.map((row) => row.row)])].sort((a, b) => a - b);
  return rowNumbers.map((row): ImportRowResult => {
    const errors = failures.get(row);
    if (errors) return { row, status: "failed", errors };
    const skip = skipped.get(row);
    if (skip) {
      const id = "id" in skip ? skip.id : outcomeId(outcomes.get(skip.sameAs));
      return { row, status: "skipped", ...(id ? { id } : {}) };
    }
    if (planned.has(row)) return { row, status: "created" };
    const outcome = outcomes.get(row)!;
    return outcome.status === "failed" ? { row, status: "failed", errors: outcome.errors } : { row, status: outcome.status, id: outcome.id };
  });
}

const outcomeId = (outcome: WriteOutcome | undefined) => (outcome && outcome.status !== "failed" ? outcome.id : undefined);
