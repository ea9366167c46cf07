import { AppError } from "../../kernel/errors";
import type { PersonFacts } from "../facts";
import { adminsOnly, roleNotAllowed, rule } from "../rule";
import { isStaff, isStudioAdmin } from "../studio-member";
import { isSelf } from "./people";

/** The studio as a whole and its admin areas: members, invitations, access requests, audit, imports, email delivery, privacy. */
export const STUDIO_RULES = {
  /** Every member: the studio, its directory and calendars, their own settings (a non-member gets 404 before any rule). */
  "studio.read": rule(() => true, roleNotAllowed),
  "studio.update": adminsOnly(),
  "studio.branding.upload": adminsOnly(),
  /** The public page's booking settings: trial lessons, advertised prices, business hours. */
  "booking-settings.set": adminsOnly(),
  "member.manage": adminsOnly(),
  "invitation.manage": adminsOnly(),
  "access-request.manage": adminsOnly(),
  "audit.view": adminsOnly(),
  "import.run": adminsOnly(),
  "email-delivery.manage": adminsOnly(),
  /** Which of some addresses bounce: staff, who write to them. */
  "email-delivery.check": rule(isStaff, roleNotAllowed),
  /** The Today page is the staff's workspace. */
  "workspace.today": rule(isStaff, () => new AppError("workspace.staff_only", "Only the studio's staff have a Today page")),
  /** The portal is the families' (students, parents); staff have the workspace (403, the studio exists for them). */
  "portal.view": rule(
    (member) => member.role === "student" || member.role === "parent",
    () => new AppError("portal.households_only", "The portal is for students and parents; staff use the workspace"),
  ),
  /** Admins export anyone's data; a person their own; a parent also their own family's children. */
  "privacy.export": rule<PersonFacts>(
    (member, person) =>
      isStudioAdmin(member) ||
      isSelf(member, person) ||
      (person.type === "student" && member.role === "parent" && Boolean(member.familyId) && person.familyId === member.familyId),
    () => new AppError("privacy.not_yours", "You may export only your own data (or your children's)"),
  ),
  "privacy.erase": adminsOnly(),
} as const;
