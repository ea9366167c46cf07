import { claimsOf, importReport, readTable, settleRows, type ImportFieldError, type ImportReport, type ImportRowResult, type PendingRow } from "../../imports";
import { rejectedAs } from "../../kernel/db/commit-writes";
import { assertMay, loadMemberWith, type Actor } from "../../policy";
import { leadsDb, type LeadsTx } from "../leads-db";
import type { LeadStagesRecord } from "../lead-stages.entity";
import { teacherCheck } from "../lead-references";
import type { ImportLeadsInput } from "../schemas";
import { countsWrite, leadStagesRead, stagesOf } from "../stage-config";
import { openLeadsByContact } from "./contact-matches";
import { newImportedLead, parseLeadRow, type LeadRow } from "./lead-rows";
import { teachersByEmail } from "./teacher-emails";

/** A row's result, with the open leads of the same email or phone it was created beside. */
export type LeadImportRowResult = ImportRowResult & { duplicateOf?: string[] };

const COUNTS = "counts";
const TEACHER = "teacher:";
const teacherGone: ImportFieldError = { field: "assignedTeacher", message: "the teacher was removed meanwhile" };

/**
 * Imports leads from CSV (owners, admins: lead.manage) and reports every data row: created (its
 * id, and `duplicateOf`: the open leads that already had its email or phone; it is created all the
 * same), skipped (an earlier import of the same row created it: its id), or failed (field errors by
 * column). A bad row does not stop the others. Each lead is written as staff entry writes one: in
 * the board's stage counts and with an audit event, its import hash claimed in the same
 * transaction (up to 33 leads per transaction), so importing a file again creates nothing twice.
 * `dryRun` reads but writes nothing.
 *
 * DynamoDB calls: 1 (membership and stages) + 1 BatchGetItem per 100 distinct rows + 1 Query if a
 * row names a teacher + 1 Query per distinct email and phone of the new rows + 1
 * TransactWriteItems per 33 new rows.
 */
export async function importLeads(actor: Actor, studioId: string, request: ImportLeadsInput): Promise<ImportReport<"leads", LeadImportRowResult>> {
  const { member, records } = await loadMemberWith(actor, studioId, leadStagesRead(studioId));
  assertMay(member, "lead.manage");
  const stages = stagesOf(records[0] as LeadStagesRecord | null);
  const dryRun = request.dryRun ?? false;

  const failures = new Map<number, ImportFieldError[]>();
  const valid: LeadRow[] = [];
  for (const { row, cells, error } of readTable("leads", request.csv)) {
    const parsed = error ? { errors: [{ field: "row", message: error }] } : parseLeadRow(studioId, row, cells, stages);
    if ("errors" in parsed) failures.set(row, parsed.errors);
    else valid.push(parsed);
  }

  const claims = await claimsOf(studioId, valid);
  const fresh = valid.filter((row) => !claims.has(row.importHash));
  const contactOf = (row: LeadRow) => ({ email: row.values.contactEmail, phone: row.values.contactPhone });
  const [teachers, duplicatesOf] = await Promise.all([
    fresh.some((row) => row.values.assignedTeacher) ? teachersByEmail(studioId) : new Map<string, string | null>(),
    openLeadsByContact(studioId, fresh.map(contactOf)),
  ]);

  /** Each new lead's stage (the board counts its transaction adds). */
  const stageOfLead = new Map<string, string>();
  const rows = await settleRows<LeadsTx, LeadRow>({
    dryRun,
    failures,
    valid,
    claims,
    prepare: (row) => {
      const email = row.values.assignedTeacher;
      const teacherId = email ? teachers.get(email) : undefined;
      if (email && !teacherId) {
        const message = teacherId === null ? "two teachers of this studio have this email" : "no teacher of this studio has this email";
        return { errors: [{ field: "assignedTeacher", message }] };
      }
      const record = newImportedLead(studioId, actor.userId, row, teacherId ?? undefined);
      stageOfLead.set(record.id, row.stage);
      return { row: row.row, importHash: row.importHash, record, shared: [COUNTS, ...(teacherId ? [TEACHER + teacherId] : [])] };
    },
    writes: { service: leadsDb, studioId, kind: "leads", shared: (tx, group) => sharedItems(tx, studioId, group, stageOfLead), failed: () => [teacherGone] },
  });
  const byRow = new Map(valid.map((row) => [row.row, row]));
  return importReport(
    "leads",
    dryRun,
    rows.map((result): LeadImportRowResult => {
      const row = byRow.get(result.row);
      const duplicateOf = result.status === "created" && row ? duplicatesOf(contactOf(row)) : [];
      return duplicateOf.length > 0 ? { ...result, duplicateOf } : result;
    }),
  );
}

/** A group's board counts (one ADD per stage) and one check per teacher named (rejected as "teacher_gone"). */
function sharedItems(tx: LeadsTx, studioId: string, group: PendingRow<LeadsTx>[], stageOfLead: Map<string, string>) {
  const adds: Record<string, number> = {};
  const teachers = new Set<string>();
  for (const row of group) {
    const stage = stageOfLead.get(row.record.id)!;
    adds[stage] = (adds[stage] ?? 0) + 1;
    for (const key of row.shared ?? []) if (key.startsWith(TEACHER)) teachers.add(key.slice(TEACHER.length));
  }
  return [countsWrite(tx, studioId, adds), ...[...teachers].map((teacherId) => rejectedAs(teacherCheck(tx, studioId, teacherId), "teacher_gone"))];
}
