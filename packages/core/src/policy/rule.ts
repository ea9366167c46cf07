import { AppError } from "../kernel/errors";
import { isStudioAdmin, type StudioMember } from "./studio-member";

/**
 * One entry of the catalogue: whether a member may do the action given the facts the rule needs
 * (`allows`), and the error a refusal answers with (`refusal`, the status and reason the API has
 * always given: 403 for a member who sees the thing, 404 where its existence stays hidden).
 */
export interface Rule<F> {
  allows: (member: StudioMember, facts: F) => boolean;
  refusal: (member: StudioMember) => AppError;
}

export const rule = <F = void>(allows: (member: StudioMember, facts: F) => boolean, refusal: (member: StudioMember) => AppError): Rule<F> => ({
  allows,
  refusal,
});

/**
 * A record the member may not see answers 404 like a missing one (do not confirm it exists);
 * one they may see but not change answers 403.
 */
export const hiddenRecord = (what: string) => new AppError("not_found", `${what} not found`);

/** The generic 403 of an action the member's role does not have. */
export const roleNotAllowed = (member: StudioMember) => new AppError("role.not_allowed", `Your role (${member.role}) may not do this in this studio`);

/** Owners and admins only, refused with the generic 403. */
export const adminsOnly = () => rule(isStudioAdmin, roleNotAllowed);

/** The member is this teacher. */
export const isTeacher = (member: StudioMember, teacherId: string | undefined) =>
  member.role === "teacher" && Boolean(member.teacherId) && member.teacherId === teacherId;
