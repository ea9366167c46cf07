import { isStudioAdmin, type Actor } from "../policy";
import { leadsDb } from "./leads-db";
import { loadLead, studioToday } from "./lead-access";
import { duplicatesOf } from "./lead-duplicates";
import { toLead, toLeadTask } from "./lead-view";

/**
 * One lead with its likely duplicates (same email or phone digits; admins only) and, with
 * `tasks`, its follow-up tasks (the newest 100): the lead page in one call.
 */
export async function getLead(actor: Actor, studioId: string, leadId: string, options: { tasks?: boolean } = {}) {
  const { member, studio, lead } = await loadLead(actor, studioId, leadId, "lead.view");
  const admin = isStudioAdmin(member);
  const [duplicates, tasks] = await Promise.all([
    admin ? duplicatesOf(lead) : [],
    options.tasks ? leadsDb().entities.leadTask.query.tasksByLead({ studioId, leadId }).go({ limit: 100, pages: 1, order: "desc" }) : undefined,
  ]);
  const today = studioToday(studio);
  return {
    ...toLead(lead),
    duplicates: duplicates.map(toLead),
    ...(tasks ? { tasks: tasks.data.map((t) => toLeadTask(t, today)) } : {}),
  };
}
