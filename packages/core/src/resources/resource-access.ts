import { itemOf, readTogether } from "../kernel/db/read-together";
import { assertMay, hiddenRecord, isStudioAdmin, loadMemberWith, type Actor, type ResourceFacts, type StudioMember } from "../policy";
import type { StudentRecord } from "../people/module";
import type { StudioRecord } from "../studios/module";
import { resourcesDb } from "./resources-db";
import type { ResourceRecord } from "./resource.entity";

export interface LoadedResource {
  member: StudioMember;
  studio: StudioRecord;
  record: ResourceRecord;
  facts: ResourceFacts;
  /** The actor's name as families read it ("from Clara Weiss"). */
  actorName: string;
}

/** Whether the member keeps the person a document is about: an admin, or the teacher of the student. */
export async function keepsPerson(
  member: StudioMember,
  studioId: string,
  person: { kind: string; id: string },
  student?: StudentRecord | null,
): Promise<boolean> {
  if (isStudioAdmin(member)) return true;
  if (member.role !== "teacher" || person.kind !== "student") return false;
  const record = student === undefined ? (await readTogether(itemOf(resourcesDb().entities.student, { studioId, studentId: person.id })))[0] : student;
  return Boolean(record && !record.deletedAt && member.teacherId && record.primaryTeacherId === member.teacherId);
}

export async function resourceFacts(member: StudioMember, record: ResourceRecord): Promise<ResourceFacts> {
  if (!record.personKind || !record.personId) return { createdBy: record.createdBy };
  const person = { kind: record.personKind, id: record.personId };
  return { createdBy: record.createdBy, person: { ...person, keptByMember: await keepsPerson(member, record.studioId, person) } };
}

/**
 * The member, the studio, the actor's name and a resource staff may see (one read; a second for a
 * document on a student's record, to know whether a teacher keeps the student). Missing and not
 * theirs to see alike: 404. `action` is checked on the facts (resource.view, resource.edit…).
 */
export async function loadResource(actor: Actor, studioId: string, resourceId: string, action: "resource.view" | "resource.edit"): Promise<LoadedResource> {
  const { resource, user } = resourcesDb().entities;
  const { member, studio, records } = await loadMemberWith(actor, studioId, itemOf(resource, { studioId, resourceId }), itemOf(user, { userId: actor.userId }));
  const [record, userRecord] = records;
  assertMay(member, "resource.upload");
  if (!record) throw hiddenRecord("Resource");
  const facts = await resourceFacts(member, record);
  assertMay(member, "resource.view", facts);
  if (action !== "resource.view") assertMay(member, action, facts);
  return { member, studio, record, facts, actorName: userRecord?.name ?? "Your teacher" };
}
