import { addDays, zonedInstant } from "../kernel/time/wall-clock";
import { assertMay, loadMemberWith, type Actor } from "../policy";
import { leadsDb } from "./leads-db";
import { LEAD_SOURCES, type LeadRecord } from "./lead.entity";
import type { LeadStagesRecord } from "./lead-stages.entity";
import type { FunnelQuery } from "./schemas";
import { leadStagesRead, stagesOf } from "./stage-config";

/** The smallest and largest UUIDv7 of an instant's millisecond: leadIds sort by creation time. */
const uuidv7Bound = (ms: number, fill: "0" | "f") => {
  const hex = ms.toString(16).padStart(12, "0");
  const rest = fill.repeat(20);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${rest.slice(0, 4)}-${rest.slice(4, 8)}-${rest.slice(8, 20)}`;
};

const median = (values: number[]) => {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

const HOUR = 3_600_000;

/** Time a lead spent in each stage it left (hours), from its stage history. */
export function timeInStages(lead: Pick<LeadRecord, "stageHistory">): { stage: string; hours: number }[] {
  return lead.stageHistory
    .slice(0, -1)
    .map((entry, i) => ({ stage: entry.stage, hours: (Date.parse(lead.stageHistory[i + 1]!.at) - Date.parse(entry.at)) / HOUR }));
}

/**
 * The funnel (owners, admins) of the leads created from `from` to `to` (local dates, the
 * studio's zone): counts per current stage and per source, conversion (won / all) overall and per
 * source, and the median hours a lead spent in each stage it left. One paged query of the primary
 * index between the UUIDv7 bounds of the range (merged and deleted leads are left out).
 */
export async function leadFunnel(actor: Actor, studioId: string, query: FunnelQuery) {
  const { member, studio, records } = await loadMemberWith(actor, studioId, leadStagesRead(studioId));
  assertMay(member, "lead.manage");
  const stages = stagesOf(records[0] as LeadStagesRecord | null);
  const start = zonedInstant(query.from, "00:00", studio.timeZone).getTime();
  const end = zonedInstant(addDays(query.to, 1), "00:00", studio.timeZone).getTime() - 1;
  const { data } = await leadsDb()
    .entities.lead.query.lead({ studioId })
    .between({ leadId: uuidv7Bound(start, "0") }, { leadId: uuidv7Bound(end, "f") })
    .go({ pages: "all" });
  const leads = data.filter((l) => l.listing === "listed" && !l.mergedInto);
  const won = new Set(stages.filter((s) => s.outcome === "won").map((s) => s.key));
  const lost = new Set(stages.filter((s) => s.outcome === "lost").map((s) => s.key));
  const rate = (group: LeadRecord[]) => (group.length ? group.filter((l) => won.has(l.stage)).length / group.length : 0);
  const durations = new Map<string, number[]>();
  for (const lead of leads) for (const t of timeInStages(lead)) durations.set(t.stage, [...(durations.get(t.stage) ?? []), t.hours]);
  return {
    from: query.from,
    to: query.to,
    total: leads.length,
    won: leads.filter((l) => won.has(l.stage)).length,
    lost: leads.filter((l) => lost.has(l.stage)).length,
    conversionRate: rate(leads),
    stages: stages.map((s) => ({
      key: s.key,
      name: s.name,
      outcome: s.outcome,
      count: leads.filter((l) => l.stage === s.key).length,
      /** Leads that reached the stage at some point (the funnel's width there). */
      reached: leads.filter((l) => l.stageHistory.some((h) => h.stage === s.key)).length,
      medianHoursInStage: median(durations.get(s.key) ?? []),
    })),
    sources: LEAD_SOURCES.map((source) => {
      const group = leads.filter((l) => l.source === source);
      return { source, count: group.length, won: group.filter((l) => won.has(l.stage)).length, conversionRate: rate(group) };
    }),
  };
}
