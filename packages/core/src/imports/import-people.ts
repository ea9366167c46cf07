import { assertMay, loadStudioMember, type Actor } from "../policy";
import { familyNameKey, findFamiliesByName } from "./family-names";
import { newFamily, parseFamilyRow } from "./family-rows";
import { readClaims } from "./import-claims";
import { readTable } from "./read-table";
import { importHash } from "./row-fields";
import type { ImportFieldError, ImportReport, ImportRequest, ImportRowResult } from "./schemas";
import { newStudent, parseStudentRow, type NewRecord } from "./student-rows";
import { writeRows, type PendingRow, type WriteOutcome } from "./write-rows";

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
export async function importPeople(actor: Actor, studioId: string, request: ImportRequest): Promise<ImportReport> {
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
    readClaims(
      studioId,
      valid.map((row) => row.importHash),
    ),
  ]);

  /** Row number → the id it was skipped for, or the row of this file it repeats. */
  const skipped = new Map<number, { id: string } | { sameAs: number }>();
  const firstOfHash = new Map<string, ValidRow>();
  const pending: PendingRow[] = [];
  const planned = new Set<number>();
  for (const row of valid) {
    if (claims.has(row.importHash)) {
      skipped.set(row.row, { id: claims.get(row.importHash)! });
      continue;
    }
    const first = firstOfHash.get(row.importHash);
    if (first) {
      skipped.set(row.row, { sameAs: first.row });
      continue;
    }
    const match = row.familyName ? families.get(familyNameKey(row.familyName)) : undefined;
    if (match && "error" in match) {
      failures.set(row.row, [{ field: "familyName", message: match.error }]);
      continue;
    }
    firstOfHash.set(row.importHash, row);
    if (dryRun) planned.add(row.row);
    else pending.push({ row: row.row, importHash: row.importHash, record: row.build(match?.familyId), familyId: match?.familyId });
  }

  const { outcomes } = dryRun ? { outcomes: new Map<number, WriteOutcome>() } : await writeRows(studioId, kind, pending);
  const rowNumbers = [...new Set([...failures.keys(), ...valid.map((row) => row.row)])].sort((a, b) => a - b);
  const rows = rowNumbers.map((row): ImportRowResult => {
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
  const count = (status: ImportRowResult["status"]) => rows.filter((row) => row.status === status).length;
  return { kind, dryRun, created: count("created"), skipped: count("skipped"), failed: count("failed"), rows };
}

const outcomeId = (outcome: WriteOutcome | undefined) => (outcome && outcome.status !== "failed" ? outcome.id : undefined);
