import { v7 as uuidv7 } from "uuid";
import { commitWrites, failsWith } from "../kernel/db/commit-writes";
import { conflict } from "../kernel/errors";
import type { Actor } from "../policy";
import { leadsDb } from "./leads-db";
import { loadLead } from "./lead-access";
import { toLead } from "./lead-view";
import { MAX_LEAD_NOTES, type AddLeadNoteInput, type ContactAttemptInput } from "./schemas";

const tooMany = () => conflict("lead.too_many_notes", `A lead keeps at most ${MAX_LEAD_NOTES} notes`);

async function appendNote(actor: Actor, studioId: string, leadId: string, kind: "note" | "contact", body: string) {
  // Teachers may note the leads assigned to them; everything else on a lead is the admins'.
  const { lead } = await loadLead(actor, studioId, leadId, "lead.note");
  // The bound is checked on the read (a concurrent note may pass it by one; the item stays small).
  if ((lead.notes ?? []).length >= MAX_LEAD_NOTES) throw tooMany();
  const now = new Date().toISOString();
  const note = { noteId: uuidv7(), kind, body, by: actor.userId, at: now };
  const contact = kind === "contact" ? { lastContactedAt: now } : {};
  await commitWrites(leadsDb, (tx) => [
    failsWith(
      (kind === "contact" ? tx.lead.patch({ studioId, leadId }).add({ contactAttempts: 1 }) : tx.lead.patch({ studioId, leadId }))
        .append({ notes: [note] })
        .set({ ...contact, updatedBy: actor.userId })
        .where((a, op) => op.eq(a.listing, "listed"))
        .commit(),
      () => conflict("lead.merged", "The lead was merged or deleted meanwhile"),
    ),
  ]);
  return toLead({
    ...lead,
    ...contact,
    contactAttempts: lead.contactAttempts + (kind === "contact" ? 1 : 0),
    notes: [...(lead.notes ?? []), note],
    updatedAt: now,
  });
}

/** A staff note on a lead (admins; a teacher on a lead assigned to them). */
export const addLeadNote = (actor: Actor, studioId: string, leadId: string, input: AddLeadNoteInput) => appendNote(actor, studioId, leadId, "note", input.body);

/** A contact attempt: counted, `lastContactedAt` now, and noted with its outcome. */
export const recordContactAttempt = (actor: Actor, studioId: string, leadId: string, input: ContactAttemptInput) =>
  appendNote(actor, studioId, leadId, "contact", input.outcome?.trim() || "Contact attempt");
