import { newListedFields } from "../person-fields";
import type { FamilyRecord, GuardianRecord } from "./family-view";
import type { CreateFamilyInput, CreateGuardianInput } from "./schemas";

/**
 * A new family's stored record: what "add a family" writes, and what converting a lead writes in
 * its own transaction (with the new student already in `studentIds`).
 */
export function newFamilyRecord(studioId: string, familyId: string, input: CreateFamilyInput, actorId: string, now: string, studentIds?: string[]) {
  return {
    studioId,
    familyId,
    name: input.name,
    ...(input.billingEmail ? { billingEmail: input.billingEmail } : {}),
    ...(input.phone ? { phone: input.phone } : {}),
    ...(input.address ? { address: input.address } : {}),
    ...(input.notes ? { notes: input.notes } : {}),
    ...(studentIds?.length ? { studentIds } : {}),
    ...newListedFields(actorId, input.name, input.billingEmail, now),
  } satisfies FamilyRecord;
}

/** A new guardian's stored record (adding a guardian; converting a lead: its contact). */
export function newGuardianRecord(studioId: string, familyId: string, guardianId: string, input: CreateGuardianInput, actorId: string, now: string) {
  return {
    studioId,
    familyId,
    guardianId,
    firstName: input.firstName,
    lastName: input.lastName,
    relationship: input.relationship ?? "parent",
    ...(input.email ? { email: input.email } : {}),
    ...(input.phone ? { phone: input.phone } : {}),
    ...(input.address ? { address: input.address } : {}),
    ...newListedFields(actorId, `${input.firstName} ${input.lastName}`, input.email, now),
  } satisfies GuardianRecord;
}
