import { isStudioAdmin, type StudioMember } from "../policy";
import { resolveAudience, storedAudience } from "../messaging";
import type { StudioEventRecord } from "./event.entity";
import { eventsDb } from "./events-db";

/** A person who can answer an event: their party key, name and address (if any). */
export interface Respondent {
  respondent: string;
  name: string;
  email?: string;
}

const fullName = (p: { firstName: string; lastName?: string }) => `${p.firstName} ${p.lastName ?? ""}`.trim();
const live = <T extends { deletedAt?: string }>(r: T | null | undefined): r is T => Boolean(r) && !r!.deletedAt;
const lower = (email?: string) => (email ? email.trim().toLowerCase() : undefined);

/** The person a party key names in the studio, or null (gone, or never there). */
export async function personOf(studioId: string, party: string): Promise<Respondent | null> {
  const { teacher, student, guardian } = eventsDb().entities;
  const [kind, a, b] = party.split(":") as [string, string, string | undefined];
  if (kind === "teacher") {
    const { data } = await teacher.get({ studioId, teacherId: a }).go();
    return live(data) ? { respondent: party, name: fullName(data), email: lower(data.email) } : null;
  }
  if (kind === "student") {
    const { data } = await student.get({ studioId, studentId: a }).go();
    return live(data) ? { respondent: party, name: fullName(data), email: lower(data.email) } : null;
  }
  if (kind === "guardian" && b) {
    const { data } = await guardian.get({ studioId, familyId: a, guardianId: b }).go();
    return live(data) ? { respondent: party, name: fullName(data), email: lower(data.email) } : null;
  }
  return null;
}

/**
 * Whom a member answers for: themself, and a parent also their family's children (with the
 * parent's address, which their answers' mail goes to when a child has none). Owners and admins
 * without a record of their own answer for others only.
 */
export async function householdOf(studioId: string, member: StudioMember): Promise<Respondent[]> {
  if (member.role === "teacher" && member.teacherId)
    return [await personOf(studioId, `teacher:${member.teacherId}`)].filter((p): p is Respondent => Boolean(p));
  if (member.role === "student" && member.studentId)
    return [await personOf(studioId, `student:${member.studentId}`)].filter((p): p is Respondent => Boolean(p));
  if (member.role !== "parent" || !member.familyId || !member.guardianId) return [];
  const familyId = member.familyId;
  const [self, children] = await Promise.all([
    personOf(studioId, `guardian:${familyId}:${member.guardianId}`),
    eventsDb()
      .entities.student.query.student({ studioId })
      .where((s, op) => op.eq(s.familyId, familyId))
      .go({ pages: "all" }),
  ]);
  const kids = children.data
    .filter((s) => live(s) && s.isActive)
    .map((s) => ({ respondent: `student:${s.studentId}`, name: fullName(s), email: lower(s.email) ?? self?.email }));
  return [...kids, ...(self ? [self] : [])];
}

/** Audiences every member of a role is in, without reading anyone. */
function byRole(member: StudioMember, e: StudioEventRecord): boolean | null {
  if (e.audienceKind === "everyone") return true;
  if (e.audienceKind === "families") return member.role === "student" || member.role === "parent";
  if (e.audienceKind === "teachers") return member.role === "teacher";
  return null;
}

/**
 * Whether a member is in an event's audience (or the event is public): owners and admins see every
 * event; whole-role audiences need no read; the others are resolved as they are now (announcements'
 * audience.ts), once per audience a request meets.
 */
export function audienceCheck(studioId: string, member: StudioMember, household: Respondent[]) {
  const resolved = new Map<string, Promise<Set<string>>>();
  const mine = new Set(household.map((h) => h.respondent));
  return async (e: StudioEventRecord): Promise<boolean> => {
    if (isStudioAdmin(member) || e.visibility === "public") return true;
    const quick = byRole(member, e);
    if (quick !== null) return quick;
    const key = `${e.audienceKind}:${e.audienceId ?? ""}:${(e.picked ?? []).join(",")}`;
    let parties = resolved.get(key);
    if (!parties) {
      parties = resolveAudience(studioId, storedAudience(e)).then(
        ({ recipients }) => new Set(recipients.map((r) => r.party)),
        // An audience whose teacher, class or band is gone reaches nobody.
        () => new Set<string>(),
      );
      resolved.set(key, parties);
    }
    const inIt = await parties;
    return [...mine].some((party) => inIt.has(party));
  };
}
