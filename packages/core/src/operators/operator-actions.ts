import { v7 as uuidv7 } from "uuid";
import { diff } from "../audit";
import { page, type Page } from "../kernel/pagination/pagination";
import type { TransactionEntities } from "../kernel/db/table-service";
import { loadOperatorWith, type Actor } from "../policy";
import type { OperatorActionName, OperatorActionRecord } from "./operator-action.entity";
import { operatorsDb } from "./operators-db";
import { PLATFORM_SCOPE } from "./platform-scope";
import type { OperatorListQuery } from "./schemas";

/** An entry of the operators' log, as the API shows it. */
export interface OperatorActionView {
  id: string;
  action: OperatorActionName;
  actorId: string;
  actorEmail: string | null;
  subjectType: "studio" | "user";
  subjectId: string;
  subjectName: string | null;
  reason: string | null;
  changes: Record<string, { before: unknown; after: unknown }>;
  at: string;
}

export const toOperatorAction = (record: OperatorActionRecord): OperatorActionView => ({
  id: record.eventId,
  action: record.action,
  actorId: record.actorId,
  actorEmail: record.actorEmail ?? null,
  subjectType: record.subjectType,
  subjectId: record.subjectId,
  subjectName: record.subjectName ?? null,
  reason: record.reason ?? null,
  changes: (record.changes ?? {}) as OperatorActionView["changes"],
  at: record.at,
});

export interface OperatorActionInput {
  action: OperatorActionName;
  actorId: string;
  actorEmail?: string;
  subject: { type: "studio" | "user"; id: string; name?: string };
  reason?: string;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
  at: string;
}

/** Any transaction whose service has the operators' log (operators-db.ts). */
type OperatorLogTx = Pick<TransactionEntities<typeof operatorsDb>, "operatorAction">;

/** The transaction item that records an operator's action next to the write it describes. */
export function recordOperatorAction(tx: OperatorLogTx, input: OperatorActionInput) {
  return tx.operatorAction
    .create({
      eventId: uuidv7(),
      action: input.action,
      actorId: input.actorId,
      ...(input.actorEmail ? { actorEmail: input.actorEmail } : {}),
      subjectType: input.subject.type,
      subjectId: input.subject.id,
      ...(input.subject.name ? { subjectName: input.subject.name } : {}),
      ...(input.reason ? { reason: input.reason } : {}),
      changes: diff(input.before, input.after),
      at: input.at,
    })
    .commit();
}

/** What every operator did, newest first (operators): the platform's own audit log. */
export async function listOperatorActions(actor: Actor, query: OperatorListQuery): Promise<Page<OperatorActionView>> {
  await loadOperatorWith(actor);
  const { operatorAction } = operatorsDb().entities;
  const result = await page(
    { studioId: PLATFORM_SCOPE, list: "operator-actions" },
    (options) => operatorAction.query.operatorActions({}).go({ ...options, order: "desc" }),
    query,
  );
  return { items: result.items.map(toOperatorAction), nextCursor: result.nextCursor };
}

/** The operators' actions on one studio (or user), newest first: the latest `limit`. */
export async function operatorActionsOn(subjectType: "studio" | "user", subjectId: string, limit = 50): Promise<OperatorActionView[]> {
  const { data } = await operatorsDb()
    .entities.operatorAction.query.operatorActionsBySubject({ subjectType, subjectId })
    .go({ order: "desc", limit, pages: 1 });
  return data.map(toOperatorAction);
}
