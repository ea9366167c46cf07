import { v7 as uuidv7 } from "uuid";
import { recordAudit } from "../../audit";
import { fieldErrors, importHash, nonEmptyCells, type ImportFieldError, type NewRecord } from "../../imports";
import { newLeadRecord } from "../create-lead";
import type { LeadsTx } from "../leads-db";
import { NEW_STAGE, type LeadStage } from "../lead-stages";
import { leadImportRowSchema, type LeadImportRow } from "../schemas";
import { LOST_STAGE } from "../stage-config";

/** A leads CSV row that passed the rules: the stage it goes to (a key of the studio) and its import hash. */
export interface LeadRow {
  row: number;
  importHash: string;
  values: LeadImportRow;
  stage: string;
}

/** The studio's stage a cell names: its key, or its name (case does not matter). */
const stageNamed = (stages: LeadStage[], cell: string) =>
  stages.find((s) => s.key === cell) ?? stages.find((s) => s.name.trim().toLowerCase() === cell.trim().toLowerCase());

/**
 * A leads CSV row through the create route's rules, with the errors named by column: `stage` must
 * be one of the studio's stages (not lost: a lost lead needs its reason, given on the board).
 */
export function parseLeadRow(studioId: string, row: number, cells: Record<string, string>, stages: LeadStage[]): LeadRow | { errors: ImportFieldError[] } {
  const parsed = leadImportRowSchema.safeParse(nonEmptyCells(cells));
  if (!parsed.success) return { errors: fieldErrors(parsed.error).map((error) => ({ ...error, field: error.field.split(".")[0]! })) };
  const values = parsed.data;
  const stage = stageNamed(stages, values.stage ?? NEW_STAGE);
  if (!stage) return { errors: [{ field: "stage", message: `must be one of ${stages.map((s) => s.key).join(", ")}` }] };
  if (stage.key === LOST_STAGE) return { errors: [{ field: "stage", message: "cannot be lost: import the lead, then mark it lost with its reason" }] };
  const normalised = { ...values, source: values.source ?? "import", stage: stage.key };
  return { row, importHash: importHash(studioId, "leads", normalised), values, stage: stage.key };
}

/** The lead a row creates, as a staff entry would (source import unless the row says), with its notes as a first staff note. */
export function newImportedLead(studioId: string, actorId: string, row: LeadRow, assignedTeacherId: string | undefined): NewRecord<LeadsTx> {
  const { age, notes, assignedTeacher: _teacher, source, stage: _stage, ...fields } = row.values;
  const now = new Date().toISOString();
  const record = {
    ...newLeadRecord(
      studioId,
      {
        ...fields,
        source: source ?? "import",
        importHash: row.importHash,
        ...(age !== undefined ? { studentAge: age } : {}),
        ...(assignedTeacherId ? { assignedTeacherId } : {}),
      },
      row.stage,
      actorId,
      now,
    ),
    ...(notes ? { notes: [{ noteId: uuidv7(), kind: "note" as const, body: notes, by: actorId, at: now }] } : {}),
  };
  return {
    id: record.leadId,
    items: (tx) => [
      tx.lead.create(record).commit(),
      recordAudit(tx, { studioId, actorId, action: "lead.imported", entityType: "lead", entityId: record.leadId, after: record }),
    ],
  };
}
