export type { Actor } from "./actor";
export { authorizeStudio } from "./studio-access";
export { roleMay, STUDIO_ACTIONS, type StudioAction } from "./studio-permissions";
export { isStudioAdmin, loadMemberWith, loadStudioMember, type StudioMember } from "./studio-member";
export * from "./people-permissions";
export { readAsActor } from "./session-check";
export { signedIn, type MemberAccess } from "./member-access";
export { checkSession, sessionWasChecked } from "./session-check";
