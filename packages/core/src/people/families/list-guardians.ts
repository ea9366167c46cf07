import type { Actor } from "../../policy";
import { assertMayReadFamily, loadFamily, readGuardians } from "./family-access";
import { toGuardian, type Guardian } from "./family-view";

/** A family's guardians, to whoever may see the family (≤ 3 DynamoDB calls). */
export async function listGuardians(actor: Actor, studioId: string, familyId: string): Promise<{ items: Guardian[] }> {
  const { member, family } = await loadFamily(actor, studioId, familyId);
  const [, guardians] = await Promise.all([assertMayReadFamily(member, family), readGuardians(studioId, familyId)]);
  return { items: guardians.map(toGuardian) };
}
