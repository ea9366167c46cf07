import { recordAudit } from "../../audit";
import { db } from "../../db";
import { commitWrites, failsWith } from "../../kernel/db/commit-writes";
import { invalidField } from "../../kernel/errors";
import { hiddenRecord, type Actor } from "../../policy";
import { searchKeys } from "../person-fields";
import { readStudents } from "../student-summaries";
import { assertBandAdmin, loadBand } from "./band-access";
import { auditableBand, toBand, type Band, type BandRecord } from "./band-view";
import type { UpdateBandInput } from "./schemas";

type Clearable = Exclude<keyof UpdateBandInput, "name">;

/** Changes a band (admins). The primary contact must be one of its members when the write lands. */
export async function updateBand(actor: Actor, studioId: string, bandId: string, input: UpdateBandInput): Promise<Band> {
  const { member, band: current } = await loadBand(actor, studioId, bandId);
  await assertBandAdmin(member, current);
  const contactId = input.primaryContactId;
  if (contactId && !(current.memberStudentIds ?? []).includes(contactId)) {
    throw invalidField("primaryContactId", "must be a member of this band");
  }

  const set: Partial<BandRecord> = {};
  const removals: Clearable[] = [];
  for (const [field, value] of Object.entries(input)) {
    if (value === undefined) continue;
    if (value === null || value === "") removals.push(field as Clearable);
    else (set as Record<string, unknown>)[field] = value;
  }
  const next = { ...current, ...set } as BandRecord;
  for (const field of removals) delete next[field];
  const keys = searchKeys(next.name, next.email);

  await commitWrites(db, (tx) => [
    failsWith(
      tx.band
        .patch({ studioId, bandId })
        .set({ ...set, ...keys, listing: "listed", updatedBy: actor.userId })
        .remove(removals)
        .where((a, op) => (contactId ? `${op.notExists(a.deletedAt)} AND ${op.contains(a.memberStudentIds, contactId)}` : op.notExists(a.deletedAt)))
        .commit(),
      () => (contactId ? invalidField("primaryContactId", "must be a member of this band") : hiddenRecord("Band")),
    ),
    recordAudit(tx, {
      studioId,
      actorId: actor.userId,
      action: "band.updated",
      entityType: "band",
      entityId: bandId,
      before: auditableBand(current),
      after: auditableBand(next),
    }),
  ]);
  const updated = { ...next, ...keys, updatedAt: new Date().toISOString() } as BandRecord;
  return toBand(updated, await readStudents(studioId, updated.memberStudentIds));
}
