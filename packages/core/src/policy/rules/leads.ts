import { AppError } from "../../kernel/errors";
import type { LeadFacts } from "../facts";
import { hiddenRecord, rule } from "../rule";
import { isStudioAdmin, type StudioMember } from "../studio-member";

/** A teacher sees the leads assigned to them; owners and admins every lead. */
const seesLead = (member: StudioMember, lead: LeadFacts) =>
  isStudioAdmin(member) || (member.role === "teacher" && !!member.teacherId && lead.assignedTeacherId === member.teacherId);

/**
 * Leads (seed 004). Owners and admins run the CRM: leads, stages, tasks, merge, conversion, the
 * funnel and imports. A teacher sees the leads assigned to them (read-only) and may add notes and
 * record contact attempts on them; students and parents never see a lead (404).
 */
export const LEAD_RULES = {
  "lead.view": rule<LeadFacts>(seesLead, () => hiddenRecord("Lead")),
  /** The list and the board: staff (a teacher's list holds their assigned leads only). */
  "lead.list": rule(
    (member) => isStudioAdmin(member) || member.role === "teacher",
    (member) => new AppError("lead.staff_only", `Your role (${member.role}) has no leads`),
  ),
  "lead.note": rule<LeadFacts>(seesLead, () => hiddenRecord("Lead")),
  "lead.manage": rule(isStudioAdmin, (member) => new AppError("lead.admins_only", `Your role (${member.role}) may not change leads`)),
} as const;
