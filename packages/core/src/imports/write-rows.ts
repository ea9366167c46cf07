import { db, type WriteTx } from "../db";
import { commitWritesOr, rejectedAs } from "../kernel/db/commit-writes";
import { readClaim } from "./import-claims";
import type { ImportFieldError, ImportKind } from "./schemas";
import type { NewRecord } from "./student-rows";

/** A valid, unclaimed row about to be created. */
export interface PendingRow {
  row: number;
  importHash: string;
  record: NewRecord;
  /** Students: the family whose `studentIds` gains the new student. */
  familyId?: string;
}

export type WriteOutcome = { status: "created" | "skipped"; id: string } | { status: "failed"; errors: ImportFieldError[] };

/** TransactWriteItems takes at most 100 items: 33 rows of record + claim + audit (+ one patch per family). */
const MAX_ITEMS = 100;
const ITEMS_PER_ROW = 3;

const familyGone: ImportFieldError = { field: "familyName", message: "the family was deleted meanwhile" };

function claim(tx: WriteTx, studioId: string, kind: ImportKind, row: PendingRow) {
  return tx.importClaim.create({ studioId, importHash: row.importHash, kind, entityId: row.record.id }).commit();
}

/**
 * The transaction items of some rows: each row's record, audit event and claim (rejected when
 * another import claimed the row: "claimed"), then one patch per family joined (rejected when the
 * family was deleted meanwhile: "family_gone").
 */
function items(tx: WriteTx, studioId: string, kind: ImportKind, rows: PendingRow[]) {
  const joins = new Map<string, string[]>();
  for (const row of rows) if (row.familyId) joins.set(row.familyId, [...(joins.get(row.familyId) ?? []), row.record.id]);
  return [
    ...rows.flatMap((row) => [...row.record.items(tx), rejectedAs(claim(tx, studioId, kind, row), "claimed")]),
    ...[...joins].map(([familyId, studentIds]) =>
      rejectedAs(
        tx.family
          .patch({ studioId, familyId })
          .add({ studentIds })
          .where((a, op) => op.eq(a.listing, "listed"))
          .commit(),
        "family_gone",
      ),
    ),
  ];
}

/** Rows in groups that fit one transaction. */
function chunks(rows: PendingRow[]): PendingRow[][] {
  const groups: PendingRow[][] = [];
  let group: PendingRow[] = [];
  let families = new Set<string>();
  for (const row of rows) {
    const joinsNew = row.familyId !== undefined && !families.has(row.familyId);
    if ((group.length + 1) * ITEMS_PER_ROW + families.size + (joinsNew ? 1 : 0) > MAX_ITEMS) {
      groups.push(group);
      group = [];
      families = new Set();
    }
    group.push(row);
    if (row.familyId) families.add(row.familyId);
  }
  if (group.length > 0) groups.push(group);
  return groups;
}

/**
 * Creates the rows, up to 33 per TransactWriteItems; each row's claim is a `create` (condition: no
 * claim yet), so a row another import created meanwhile cancels its group. Such a group is then
 * written one row per transaction: the row that lost its claim is skipped with the winner's id, a
 * row whose family was deleted meanwhile fails, the others are created. Returns each row's outcome
 * and the number of DynamoDB calls made.
 */
export async function writeRows(studioId: string, kind: ImportKind, rows: PendingRow[]) {
  const outcomes = new Map<number, WriteOutcome>();
  let calls = 0;
  /** Undefined when the rows were written, else why not ("claimed", "family_gone"). */
  const write = async (group: PendingRow[]) => {
    calls++;
    return commitWritesOr(db, (tx) => items(tx, studioId, kind, group));
  };
  for (const group of chunks(rows)) {
    if ((await write(group)) === undefined) {
      for (const row of group) outcomes.set(row.row, { status: "created", id: row.record.id });
      continue;
    }
    for (const row of group) {
      const rejected = await write([row]);
      if (rejected === undefined) outcomes.set(row.row, { status: "created", id: row.record.id });
      else if (rejected === "claimed") {
        calls++;
        const id = await readClaim(studioId, row.importHash);
        if (!id) throw new Error("Import claim rejected but not found");
        outcomes.set(row.row, { status: "skipped", id });
      } else outcomes.set(row.row, { status: "failed", errors: [familyGone] });
    }
  }
  return { outcomes, calls };
}
