import { itemOf, type ItemRead } from "../../kernel/db/read-together";
import { notFound } from "../../kernel/errors";
import { loadMemberWith, type Actor } from "../../policy";
import { billingDb } from "../billing-db";
import type { FeePlanRecord } from "./fee-plan-view";

export const feePlanRead = (studioId: string, feePlanId: string) => itemOf(billingDb().entities.feePlan, { studioId, feePlanId });

/**
 * The actor as a member, the studio and the fee plan in one read (plus `extra` reads); a missing
 * plan → 404. Plans are the studio's price list: every member may see them.
 */
export async function loadFeePlan<const T extends readonly ItemRead<unknown>[]>(actor: Actor, studioId: string, feePlanId: string, ...extra: T) {
  const { member, studio, records } = await loadMemberWith(actor, studioId, feePlanRead(studioId, feePlanId), ...extra);
  const [plan, ...rest] = records as unknown as [FeePlanRecord | null, ...unknown[]];
  if (!plan) throw notFound("Fee plan");
  return { member, studio, plan, extra: rest as unknown as { [K in keyof T]: T[K] extends ItemRead<infer V> ? V | null : never } };
}
