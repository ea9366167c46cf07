import { page, type Page } from "../kernel/pagination/pagination";
import { assertMay, isStudioAdmin, loadMemberWith, type Actor } from "../policy";
import { leadsDb } from "./leads-db";
import type { LeadRecord } from "./lead.entity";
import type { LeadStagesRecord } from "./lead-stages.entity";
import { toLead, type Lead } from "./lead-view";
import type { BoardQuery, ListLeadsQuery } from "./schemas";
import { leadStagesRead, stageCounts, stagesOf } from "./stage-config";

/** A teacher's lists hold the leads assigned to them; admins see all. */
const visibleTo = (member: Awaited<ReturnType<typeof loadMemberWith>>["member"]) => (r: LeadRecord) =>
  isStudioAdmin(member) || (!!member.teacherId && r.assignedTeacherId === member.teacherId);

/**
 * The list view: the studio's leads newest first (the primary index; leadId is UUIDv7), with
 * stage, source, owner and tag as filters over each page (a page may hold fewer than `limit`).
 * Merged and deleted leads are not listed.
 */
export async function listLeads(actor: Actor, studioId: string, query: ListLeadsQuery): Promise<Page<Lead>> {
  const { member } = await loadMemberWith(actor, studioId);
  assertMay(member, "lead.list");
  const sees = visibleTo(member);
  const keep = (items: LeadRecord[]) =>
    items.filter(
      (r) =>
        r.listing === "listed" &&
        sees(r) &&
        (!query.stage || r.stage === query.stage) &&
        (!query.source || r.source === query.source) &&
        (!query.ownerId || r.ownerId === query.ownerId) &&
        (!query.tag || (r.tags ?? []).includes(query.tag)),
    );
  const newest = leadsDb().entities.lead.query.lead({ studioId });
  const scope = { studioId, list: "leads", params: { teacher: member.teacherId ?? "" } };
  const records = await page(scope, (options) => newest.go({ ...options, pages: 1, order: "desc" }), query, keep);
  return { items: records.items.map(toLead), nextCursor: records.nextCursor };
}

/**
 * The board: the studio's stages with their counts (the stages item, read with the member in one
 * BatchGetItem) and one page of listed leads sorted by stage (one query of `leadsByStage`): two
 * DynamoDB calls a page, however many leads the studio has.
 */
export async function leadBoard(actor: Actor, studioId: string, query: BoardQuery) {
  const { member, records } = await loadMemberWith(actor, studioId, leadStagesRead(studioId));
  assertMay(member, "lead.list");
  const stagesRecord = records[0] as LeadStagesRecord | null;
  const counts = stageCounts(stagesRecord);
  const sees = visibleTo(member);
  const byStage = leadsDb().entities.lead.query.leadsByStage({ studioId, listing: "listed" });
  const scope = { studioId, list: "lead-board", params: { teacher: member.teacherId ?? "" } };
  const leads = await page(
    scope,
    (options) => byStage.go({ ...options, pages: 1 }),
    query,
    (items) => items.filter(sees),
  );
  const builtIn = new Set(["new", "contacted", "trial_booked", "trial_done", "enrolled", "lost"]);
  return {
    stages: stagesOf(stagesRecord).map((s) => ({
      ...s,
      builtIn: builtIn.has(s.key),
      count: isStudioAdmin(member) ? (counts[s.key] ?? 0) : leads.items.filter((l) => l.stage === s.key).length,
    })),
    items: leads.items.map(toLead),
    nextCursor: leads.nextCursor,
  };
}
