import { loadStudioMember, type Actor } from "../../policy";
import { billingDb } from "../billing-db";
import { toFeePlan, type FeePlan } from "./fee-plan-view";
import { loadFeePlan } from "./fee-plan-access";
import type { ListFeePlansQuery } from "./schemas";

/**
 * The studio's fee plans, active first then by name (every member: it is the studio's price
 * list). One query of the studio partition's plans (a studio has tens of them).
 */
export async function listFeePlans(actor: Actor, studioId: string, query: ListFeePlansQuery): Promise<{ items: FeePlan[] }> {
  const { studio } = await loadStudioMember(actor, studioId);
  const { data } = await billingDb().entities.feePlan.query.feePlan({ studioId }).go({ pages: "all" });
  const items = data
    .filter((p) => (query.active === undefined || (p.isActive !== false) === query.active) && (!query.kind || p.kind === query.kind))
    .sort((a, b) => Number(b.isActive !== false) - Number(a.isActive !== false) || a.name.localeCompare(b.name) || a.feePlanId.localeCompare(b.feePlanId));
  return { items: items.map((p) => toFeePlan(p, studio.currency)) };
}

/** One fee plan (every member). */
export async function getFeePlan(actor: Actor, studioId: string, feePlanId: string): Promise<FeePlan> {
  const { studio, plan } = await loadFeePlan(actor, studioId, feePlanId);
  return toFeePlan(plan, studio.currency);
}
