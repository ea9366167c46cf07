import { z } from "zod";
import { badCursor, openCursor, sealCursor, type CursorScope } from "./cursor";

export type { CursorScope } from "./cursor";

/** `?limit=&cursor=` on every list that can grow. */
export const pageQuerySchema = z.object({
  limit: z.coerce.number().int("must be a whole number").min(1, "must be at least 1").max(100, "must be at most 100").default(25),
  cursor: z.string().max(4000).optional(),
});
export type PageQuery = z.infer<typeof pageQuerySchema>;

export interface Page<T> {
  items: T[];
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

/** A table key (pk, sk and the index's keys): where a query resumes. */
export type TableKey = Record<string, string | number>;

/** What `page` asks of a list's query: ElectroDB's `go` options, spread into `go()` as they are. */
export interface PageOptions {
  limit: number;
  cursor: string | null;
  /** Items come with their table keys, so the next page can start after the last item returned. */
  data: "includeKeys";
}
export type PageRun<T> = (options: PageOptions) => Promise<{ data: T[]; cursor: string | null }>;
/** Drops items the caller may not see (in order); what it keeps decides where the next page starts. */
export type KeepFilter<T> = (items: T[]) => T[] | Promise<T[]>;

/** The key attributes `includeKeys` adds to items; never leave this module. */
const KEY_FIELD = /^(pk|sk|gsi\d+(pk|sk)|__edb_[ev]__)$/;

const encodeKey = (key: TableKey) => Buffer.from(JSON.stringify(key)).toString("base64url");
const decodeKey = (cursor: string) => JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as TableKey;

function withoutKeys<T>(item: T): T {
  const copy = { ...item } as Record<string, unknown>;
  for (const field of Object.keys(copy)) if (KEY_FIELD.test(field)) delete copy[field];
  return copy as T;
}

/** The item's own values of the fields a query's LastEvaluatedKey has (null if it lacks one). */
function keyOf(item: unknown, fields: string[]): TableKey | null {
  const record = item as Record<string, unknown>;
  const key: TableKey = {};
  for (const field of fields) {
    const value = record[field];
    if (typeof value !== "string" && typeof value !== "number") return null;
    key[field] = value;
  }
  return key;
}

/**
 * One query of a list, from `start`: the items it returns (after `keep`), and the key to resume
 * after, taken from the LAST ITEM RETURNED, not from DynamoDB's LastEvaluatedKey, which may be an
 * item a filter dropped. Only a page that returned nothing resumes from DynamoDB's key (sealed, so
 * it still tells the client nothing).
 */
export async function readPage<T>(
  run: PageRun<T>,
  start: TableKey | null,
  limit: number,
  keep?: KeepFilter<T>,
): Promise<{ items: T[]; next: TableKey | null }> {
  let result: { data: T[]; cursor: string | null };
  try {
    result = await run({ limit, cursor: start ? encodeKey(start) : null, data: "includeKeys" });
  } catch (error) {
    // A start key the index does not accept (only possible for a key of another list): the caller's cursor.
    const name = (error as { cause?: { name?: string } }).cause?.name ?? (error as { name?: string }).name;
    if (start && (name === "ValidationException" || /ExclusiveStartKey|starting key/i.test(String((error as Error).message)))) throw badCursor();
    throw error;
  }
  const items = keep ? await keep(result.data) : result.data;
  let next: TableKey | null = null;
  if (result.cursor) {
    const scanned = decodeKey(result.cursor);
    const last = items.at(-1);
    next = (last && keyOf(last, Object.keys(scanned))) || scanned;
  }
  return { items: items.map(withoutKeys), next };
}

/** The params a list's cursor is bound to: the scope's, and the query's filters (not limit or cursor). */
export function listScope(scope: CursorScope, query: PageQuery): CursorScope {
  const { limit: _limit, cursor: _cursor, ...filters } = query as PageQuery & Record<string, unknown>;
  return { ...scope, params: { ...filters, ...scope.params } };
}

/** The start key sealed in `cursor` for this list, or null for the first page. */
function startOf(scope: CursorScope, cursor: string | undefined): TableKey | null {
  if (!cursor) return null;
  const start = openCursor(scope, cursor);
  if (typeof start !== "object" || start === null || Array.isArray(start)) throw badCursor();
  return start as TableKey;
}

/**
 * One page of a list through one ElectroDB query. Cursors are sealed and bound to the list
 * (cursor.ts): opaque, tamper-proof, refused (422 naming `cursor`) in another studio or list or
 * with other filters. `keep` drops items the caller may not see before the cursor is made.
 */
export async function page<T>(scope: CursorScope, run: PageRun<T>, query: PageQuery, keep?: KeepFilter<T>): Promise<Page<T>> {
  const bound = listScope(scope, query);
  const { items, next } = await readPage(run, startOf(bound, query.cursor), query.limit, keep);
  return { items, nextCursor: next ? sealCursor(bound, next) : null };
}
