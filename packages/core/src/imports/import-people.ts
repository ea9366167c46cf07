import { assertMay, loadStudioMember, type Actor } from "../policy";
import { familyNameKey, findFamiliesByName } from "./family-names";
import { newFamily, parseFamilyRow } from "./family-rows";
import { db, type WriteTx } from "../db";
import { rejectedAs } from "../kernel/db/commit-writes";
import { readTable } from "./read-table";
import { importHash } from "./row-fields";
import { importReport, type ImportFieldError, type ImportReport, type ImportRequest } from "./schemas";
import { claimsOf, settleRows } from "./settle-rows";
import { newStudent, parseStudentRow } from "./student-rows";
import type { NewRecord, PendingRow } from "./write-rows";

interface ValidRow {
  row: number;
  importHash: string;
  /** Builds the record (a fresh id) once the row is known to be new. */
  build(familyId: string | undefined): NewRecord;
  familyName?: string;
}

/**
 * Imports students or families from CSV (owner, admin) and reports every data row: created,
 * skipped (an earlier import, or an earlier identical row of this file, created it: its id), or
 * failed (field errors by column, with the create routes' rules). A bad row does not stop the
 * others. Each row's import hash is claimed in the same transaction as its record and audit event,
 * so importing a file again creates nothing twice. `dryRun` reads but writes nothing ("created"
 * then means "would be created", without an id).
 *
 * DynamoDB calls: 1 (studio and membership) + one Query per distinct `familyName` + 1 BatchGetItem
 * per 100 distinct rows + 1 TransactWriteItems per 33 new rows (more only when another import of
 * the same rows races this one).
 */
export async function importPeople(actor: Actor, studioId: string, request: ImportRequest): Promise<ImportReport<ImportRequest["kind"]>> {
  const { member, studio } = await loadStudioMember(actor, studioId);
  assertMay(member, "import.run");
  const { kind } = request;
  const dryRun = request.dryRun ?? false;
  const context = { studioId, actorId: actor.userId, timeZone: studio.timeZone };

  const failures = new Map<number, ImportFieldError[]>();
  const valid: ValidRow[] = [];
  for (const { row, cells, error } of readTable(kind, request.csv)) {
    if (error) {
      failures.set(row, [{ field: "row", message: error }]);
      continue;
    }
    if (kind === "students") {
      const parsed = parseStudentRow(cells);
      if ("errors" in parsed) {
        failures.set(row, parsed.errors);
        continue;
      }
      const { familyName, ...input } = parsed.values;
      const hash = importHash(studioId, kind, { ...input, familyName: familyName && familyNameKey(familyName) });
      valid.push({ row, importHash: hash, familyName, build: (familyId) => newStudent({ ...context, importHash: hash }, input, familyId) });
    } else {
      const parsed = parseFamilyRow(cells);
      if ("errors" in parsed) {
        failures.set(row, parsed.errors);
        continue;
      }
      const hash = importHash(studioId, kind, parsed.values);
      valid.push({ row, importHash: hash, build: () => newFamily({ ...context, importHash: hash }, parsed.values) });
    }
  }

  const [families, claims] = await Promise.all([
    findFamiliesByName(
      studioId,
      valid.flatMap((row) => (row.familyName ? [row.familyName] : [])),
    ),
    claimsOf(studioId, valid),
  ]);

  const rows = await settleRows({
    dryRun,
    failures,
    valid,
    claims,
    prepare: (row) => {
      const match = row.familyName ? families.get(familyNameKey(row.familyName)) : undefined;
      if (match && "error" in match) return { errors: [{ field: "familyName", message: match.error }] };
      const familyId = match?.familyId;
      return { row: row.row, importHash: row.importHash, record: row.build(familyId), shared: familyId ? [familyId] : [] };
    },
    writes: { service: db, studioId, kind, shared: (tx, rows) => familyJoins(tx, studioId, rows), failed: () => [familyGone] },
  });
  return importReport(kind, dryRun, rows);
}

const familyGone: ImportFieldError = { field: "familyName", message: "the family was deleted meanwhile" };

/** One patch per family the rows join (rejected as "family_gone" when the family was deleted meanwhile). */
function familyJoins(tx: WriteTx, studioId: string, rows: PendingRow[]) {
  const joins = new Map<string, string[]>();
  for (const row of rows) for (const familyId of row.shared ?? []) joins.set(familyId, [...(joins.get(familyId) ?? []), row.record.id]);
  return [...joins].map(([familyId, studentIds]) =>
    rejectedAs(
      tx.family
        .patch({ studioId, familyId })
        .add({ studentIds })
        .where((a, op) => op.eq(a.listing, "listed"))
        .commit(),
      "family_gone",
    ),
  );
}
