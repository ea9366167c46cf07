import { recordAudit } from "../../audit";
import { commitWrites, failsWith } from "../../kernel/db/commit-writes";
import { conflict, invalidField } from "../../kernel/errors";
import { assertMay, type Actor } from "../../policy";
import { billingDb } from "../billing-db";
import { loadFeePlan } from "./fee-plan-access";
import { toFeePlan, type FeePlan, type FeePlanRecord } from "./fee-plan-view";
import type { UpdateFeePlanInput } from "./schemas";

/**
 * Changes a fee plan (admins): name, amount, description, term dates, or `isActive: false` to
 * archive it (no new enrolments; existing ones still apply). Its kind never changes. A new
 * amount applies to what is billed from now on; invoices already drafted or sent keep theirs.
 */
export async function updateFeePlan(actor: Actor, studioId: string, feePlanId: string, input: UpdateFeePlanInput): Promise<FeePlan> {
  const { member, studio, plan } = await loadFeePlan(actor, studioId, feePlanId);
  assertMay(member, "fee-plan.manage");
  if (plan.kind !== "term") {
    for (const field of ["termStart", "termEnd", "lessonCount"] as const)
      if (input[field] !== undefined && input[field] !== null) throw invalidField(field, "is only for term plans");
  }
  const next: FeePlanRecord = { ...plan, updatedBy: actor.userId, updatedAt: new Date().toISOString() };
  if (input.name !== undefined) next.name = input.name;
  if (input.amountMinor !== undefined) next.amountMinor = input.amountMinor;
  if (input.isActive !== undefined) next.isActive = input.isActive;
  if (input.termStart !== undefined) next.termStart = input.termStart;
  if (input.termEnd !== undefined) next.termEnd = input.termEnd;
  const removed: ("description" | "lessonCount")[] = [];
  for (const field of ["description", "lessonCount"] as const) {
    const value = input[field];
    if (value === undefined) continue;
    if (value === null || value === "") {
      delete next[field];
      removed.push(field);
    } else (next as Record<string, unknown>)[field] = value;
  }
  if (next.termStart && next.termEnd && next.termEnd < next.termStart)
    throw invalidField(input.termEnd !== undefined ? "termEnd" : "termStart", "must keep termEnd on or after termStart");

  const { studioId: _s, feePlanId: _p, kind: _k, createdBy: _c, createdAt: _ca, ...changes } = next;
  for (const field of removed) delete (changes as Record<string, unknown>)[field];
  await commitWrites(billingDb, (tx) => [
    failsWith(
      (removed.length > 0 ? tx.feePlan.patch({ studioId, feePlanId }).set(changes).remove(removed) : tx.feePlan.patch({ studioId, feePlanId }).set(changes))
        .where((a, op) => op.eq(a.updatedAt, plan.updatedAt))
        .commit(),
      () => conflict("fee_plan.changed", "The fee plan changed or was removed meanwhile; read it again and retry"),
    ),
    recordAudit(tx, { studioId, actorId: actor.userId, action: "feePlan.updated", entityType: "feePlan", entityId: feePlanId, before: plan, after: next }),
  ]);
  return toFeePlan(next, studio.currency);
}
