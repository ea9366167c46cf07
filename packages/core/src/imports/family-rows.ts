import { v7 as uuidv7 } from "uuid";
import { recordAudit } from "../audit";
import { auditableFamily, createFamilySchema, newListedFields, type CreateFamilyInput, type FamilyRecord } from "../people";
import { fieldErrors, nonEmptyCells } from "./row-fields";
import type { ImportFieldError } from "./schemas";
import type { NewRecord } from "./write-rows";

export type FamilyRow = { values: CreateFamilyInput } | { errors: ImportFieldError[] };

/** A families CSV row through the same rules as POST /families. */
export function parseFamilyRow(cells: Record<string, string>): FamilyRow {
  const parsed = createFamilySchema.safeParse(nonEmptyCells(cells));
  return parsed.success ? { values: parsed.data } : { errors: fieldErrors(parsed.error) };
}

/** The family a row creates, as createFamily would. */
export function newFamily(context: { studioId: string; actorId: string; importHash: string }, input: CreateFamilyInput): NewRecord {
  const { studioId, actorId } = context;
  const now = new Date().toISOString();
  const record = {
    studioId,
    familyId: uuidv7(),
    name: input.name,
    ...(input.billingEmail ? { billingEmail: input.billingEmail } : {}),
    ...(input.phone ? { phone: input.phone } : {}),
    ...(input.address ? { address: input.address } : {}),
    ...(input.notes ? { notes: input.notes } : {}),
    ...newListedFields(actorId, input.name, input.billingEmail, now),
    importHash: context.importHash,
  };
  return {
    id: record.familyId,
    items: (tx) => [
      tx.family.create(record).commit(),
      recordAudit(tx, {
        studioId,
        actorId,
        action: "family.imported",
        entityType: "family",
        entityId: record.familyId,
        after: auditableFamily(record as FamilyRecord),
      }),
    ],
  };
}
