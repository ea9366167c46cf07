import { isStaff, type Actor } from "../../policy";
import { loadFamily, readableFamilyStudents, readGuardians } from "./family-access";
import { withStaffOnly } from "../staff-only";
import { toFamily, type Family } from "./family-view";

/**
 * A family with its guardians and students, in three DynamoDB calls: member + studio + family
 * together, then the guardians (Query) and the students (BatchGetItem) side by side. The students
 * also decide whether a teacher may see the family.
 */
export async function getFamily(actor: Actor, studioId: string, familyId: string): Promise<Family> {
  const { member, family } = await loadFamily(actor, studioId, familyId);
  const [students, guardians] = await Promise.all([readableFamilyStudents(member, family), readGuardians(studioId, familyId)]);
  return withStaffOnly("family", toFamily(family, guardians, students), isStaff(member));
}
