import type { WriteTx } from "../db";
import { commitWritesOr, rejectedAs, type Transacting } from "../kernel/db/commit-writes";
import { readClaim } from "./import-claims";
import type { ImportFieldError, ImportKind } from "./schemas";

/** The record a row creates: its id, and its create and audit event as transaction items. */
export interface NewRecord<Tx = WriteTx> {
  id: string;
  items(tx: Tx): unknown[];
}

/** A valid, unclaimed row about to be created. */
export interface PendingRow<Tx = WriteTx> {
  row: number;
  importHash: string;
  record: NewRecord<Tx>;
  /**
   * The items this row shares with the other rows of its transaction, by key (a family it joins, a
   * teacher it names, the board's counts): written once per transaction (RowWrites.shared).
   */
  shared?: readonly string[];
}

/** A transaction that can claim rows (any service that composes the imports module). */
export type ClaimTx = Pick<WriteTx, "importClaim">;

/** How one kind's rows are written. */
export interface RowWrites<Tx extends ClaimTx> {
  service: () => Transacting<Tx>;
  studioId: string;
  kind: ImportKind;
  /** The items some rows share, one per key (see PendingRow.shared); marked rejectedAs(reason) when their condition may fail. */
  shared(tx: Tx, rows: PendingRow<Tx>[]): unknown[];
  /** A row's errors when its transaction was rejected for `reason` (a shared item's). */
  failed(reason: string): ImportFieldError[];
}

export type WriteOutcome = { status: "created" | "skipped"; id: string } | { status: "failed"; errors: ImportFieldError[] };

/** TransactWriteItems takes at most 100 items: 33 rows of record + audit + claim, with the items they share. */
const MAX_ITEMS = 100;
const ITEMS_PER_ROW = 3;

/** The claim of a row (rejected as "claimed" when another import claimed it first). */
function claimItem<Tx>(tx: ClaimTx, studioId: string, kind: ImportKind, row: PendingRow<Tx>) {
  return rejectedAs(tx.importClaim.create({ studioId, importHash: row.importHash, kind, entityId: row.record.id }).commit(), "claimed");
}

/** Rows in groups that fit one transaction (each row's own items plus the distinct items they share). */
function chunks<Tx>(rows: PendingRow<Tx>[]): PendingRow<Tx>[][] {
  const groups: PendingRow<Tx>[][] = [];
  let group: PendingRow<Tx>[] = [];
  let shared = new Set<string>();
  for (const row of rows) {
    const added = (row.shared ?? []).filter((key) => !shared.has(key)).length;
    if (group.length > 0 && (group.length + 1) * ITEMS_PER_ROW + shared.size + added > MAX_ITEMS) {
      groups.push(group);
      group = [];
      shared = new Set();
    }
    group.push(row);
    for (const key of row.shared ?? []) shared.add(key);
  }
  if (group.length > 0) groups.push(group);
  return groups;
}

/**
 * Creates the rows, up to 33 per TransactWriteItems: each row's record items and claim, and the
 * items the group's rows share. Each claim is a `create` (condition: no claim yet), so a row
 * another import created meanwhile cancels its group. Such a group is then written one row per
 * transaction: the row that lost its claim is skipped with the winner's id, a row whose shared
 * item was rejected fails (RowWrites.failed), the others are created. Returns each row's outcome
 * and the number of DynamoDB calls made.
 */
export async function writeRows<Tx extends ClaimTx>(writes: RowWrites<Tx>, rows: PendingRow<Tx>[]) {
  const { studioId, kind } = writes;
  const outcomes = new Map<number, WriteOutcome>();
  let calls = 0;
  /** Undefined when the rows were written, else why not ("claimed", or a shared item's reason). */
  const write = async (group: PendingRow<Tx>[]) => {
    calls++;
    return commitWritesOr(writes.service, (tx) => [
      ...group.flatMap((row) => [...row.record.items(tx), claimItem(tx, studioId, kind, row)]),
      ...writes.shared(tx, group),
    ]);
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
      } else outcomes.set(row.row, { status: "failed", errors: writes.failed(rejected) });
    }
  }
  return { outcomes, calls };
}
