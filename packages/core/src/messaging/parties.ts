import { isStudioAdmin, type StudioMember } from "../policy";
import type { PartyKind, ThreadParticipant } from "./thread.entity";

/**
 * Who takes part in a conversation, by a key of their record in the studio:
 * - `studio`: the studio itself (its office). Every owner and admin reads and answers its threads
 *   as the studio; its mail goes to the studio's contact address.
 * - `teacher:<teacherId>`, `student:<studentId>`, `guardian:<familyId>:<guardianId>`.
 * Families mostly never sign in: a party is a record, not a login, so a guardian answers by email
 * as the same party they would be in the portal.
 */
export const STUDIO_PARTY = "studio";

export const teacherParty = (teacherId: string) => `teacher:${teacherId}`;
export const studentParty = (studentId: string) => `student:${studentId}`;
export const guardianParty = (familyId: string, guardianId: string) => `guardian:${familyId}:${guardianId}`;

export type PartyRef =
  | { kind: "studio" }
  | { kind: "teacher"; teacherId: string }
  | { kind: "student"; studentId: string }
  | { kind: "guardian"; familyId: string; guardianId: string };

/** A party key back to what it names, or null for anything else (keys come from clients too). */
export function parseParty(party: string): PartyRef | null {
  const [kind, a, b, ...rest] = party.split(":");
  if (rest.length) return null;
  if (kind === "studio" && a === undefined) return { kind: "studio" };
  if (kind === "teacher" && a && b === undefined) return { kind, teacherId: a };
  if (kind === "student" && a && b === undefined) return { kind, studentId: a };
  if (kind === "guardian" && a && b) return { kind, familyId: a, guardianId: b };
  return null;
}

export const partyKind = (party: string): PartyKind => (party.split(":")[0] as PartyKind) ?? "studio";

/**
 * The parties a member speaks as, their own first: a parent their guardian record, a student
 * themself, a teacher their teacher record; owners and admins the studio (and their teacher
 * record when they also teach).
 */
export function memberParties(member: StudioMember): string[] {
  const own: string[] = [];
  if (member.role === "parent" && member.familyId && member.guardianId) own.push(guardianParty(member.familyId, member.guardianId));
  if (member.role === "student" && member.studentId) own.push(studentParty(member.studentId));
  if (isStudioAdmin(member)) own.push(STUDIO_PARTY);
  if (member.teacherId && (member.role === "teacher" || isStudioAdmin(member))) own.push(teacherParty(member.teacherId));
  return own;
}

/** The member's own inbox: the first of their parties (none for a login not linked to a record). */
export const ownParty = (member: StudioMember): string | undefined => memberParties(member)[0];

/**
 * The participant of a thread a member speaks as there: one of their own parties taking part, or,
 * for owners and admins, the studio (which joins the thread when it was not in it yet).
 */
export function speakingParty(member: StudioMember, participants: readonly ThreadParticipant[]): string | undefined {
  const taking = new Set(participants.map((p) => p.party));
  return memberParties(member).find((party) => taking.has(party)) ?? (isStudioAdmin(member) ? STUDIO_PARTY : undefined);
}

/** Whether one of the member's own parties takes part in a thread (the policy's ThreadFacts). */
export const takesPart = (member: StudioMember, participants: readonly ThreadParticipant[]) => {
  const own = new Set(memberParties(member));
  return participants.some((p) => own.has(p.party));
};
