import { v7 as uuidv7 } from "uuid";
import { recordAudit } from "../../audit";
import { db } from "../../db";
import { commitWrites } from "../../kernel/db/commit-writes";
import { assertMay, loadStudioMember, type Actor } from "../../policy";
import { newListedFields } from "../person-fields";
import { auditableBand, toBand, type Band, type BandRecord } from "./band-view";
import type { CreateBandInput } from "./schemas";

/** Adds a band (admins), without members yet. */
export async function createBand(actor: Actor, studioId: string, input: CreateBandInput): Promise<Band> {
  const { member } = await loadStudioMember(actor, studioId);
  assertMay(member, "band.manage");
  const bandId = uuidv7();
  const now = new Date().toISOString();
  const fields = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== null && value !== "" && value !== undefined));
  const record = {
    ...fields,
    studioId,
    bandId,
    name: input.name,
    ...newListedFields(actor.userId, input.name, input.email, now),
  };
  await commitWrites(db, (tx) => [
    tx.band.create(record).commit(),
    recordAudit(tx, {
      studioId,
      actorId: actor.userId,
      action: "band.created",
      entityType: "band",
      entityId: bandId,
      after: auditableBand(record as BandRecord),
    }),
  ]);
  return toBand(record as BandRecord, []);
}
