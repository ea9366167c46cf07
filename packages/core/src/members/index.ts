export { changeMemberRole } from "./change-member-role";
export { deactivateMember } from "./deactivate-member";
export { listMembers } from "./list-members";
export { reactivateMember } from "./reactivate-member";
export { removeMember } from "./remove-member";
export type { Member } from "./member-view";
export { MemberSchema } from "./member-schema";
export * from "./schemas";
