import { AppError } from "../../kernel/errors";
import type { ResourceFacts, ShareFacts } from "../facts";
import { hiddenRecord, rule } from "../rule";
import { isStaff, isStudioAdmin, type StudioMember } from "../studio-member";

/**
 * Who sees a resource as staff: the library and its trash, every member of staff; a document on a
 * person's record, admins, and a teacher when it is about a student they keep or about themself.
 */
function seesResource(member: StudioMember, resource: ResourceFacts): boolean {
  if (isStudioAdmin(member)) return true;
  if (member.role !== "teacher") return false;
  if (!resource.person) return true;
  if (resource.person.kind === "teacher") return Boolean(member.teacherId) && resource.person.id === member.teacherId;
  return resource.person.keptByMember;
}

/**
 * The resource library and person documents. Staff upload; admins and a resource's uploader change,
 * replace, share and delete it. Teachers share with the students they keep (the student, their
 * family, a lesson or note of theirs, a band with one of them); the whole studio and the public page
 * are the admins'. Families see only what is shared with them (their materials), never the library.
 */
export const RESOURCE_RULES = {
  "resource.upload": rule(isStaff, () => new AppError("resource.staff_only", "Only the studio's staff upload and manage files")),
  "resource.view": rule<ResourceFacts>(seesResource, () => hiddenRecord("Resource")),
  "resource.edit": rule<ResourceFacts>(
    (member, resource) => seesResource(member, resource) && (isStudioAdmin(member) || resource.createdBy === member.userId),
    () => new AppError("resource.not_yours", "Only the studio's admins and the person who uploaded a file may change it"),
  ),
  "resource.share": rule<ShareFacts>(
    (member, share) =>
      isStudioAdmin(member) || (member.role === "teacher" && share.audienceKind !== "all_students" && share.audienceKind !== "public" && share.keptByMember),
    () =>
      new AppError(
        "resource.share_not_allowed",
        "Teachers share with their own students, their families, bands and lessons; the whole studio and the public page are the admins'",
      ),
  ),
  "resource.materials": rule(
    (member) => member.role === "student" || member.role === "parent",
    () => new AppError("resource.households_only", "Materials are what is shared with a student or family; staff use the library"),
  ),
} as const;
