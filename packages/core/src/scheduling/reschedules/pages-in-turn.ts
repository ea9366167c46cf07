import { badCursor, openCursor, sealCursor } from "../../kernel/pagination/cursor";
import { listScope, readPage, type CursorScope, type Page, type PageQuery, type PageRun, type TableKey } from "../../kernel/pagination/pagination";

/** Where a page over several queries starts: which query, and where in it. */
interface TurnPosition {
  i: number;
  key: TableKey | null;
}

function startOf(scope: CursorScope, cursor: string | undefined, runs: number): TurnPosition {
  if (!cursor) return { i: 0, key: null };
  const { i, key } = (openCursor(scope, cursor) ?? {}) as { i?: unknown; key?: unknown };
  if (!Number.isInteger(i) || (i as number) < 0 || (i as number) >= runs || typeof key !== "object" || Array.isArray(key)) throw badCursor();
  return { i: i as number, key: key as TableKey | null };
}

/**
 * One page over several queries read one after the other (a parent's children's requests: each
 * child's in turn). A query that runs out hands over to the next within the same page, so a page
 * costs at most one call per query; the sealed cursor says which query and where in it.
 */
export async function pagesInTurn<T>(scope: CursorScope, runs: PageRun<T>[], query: PageQuery): Promise<Page<T>> {
  if (runs.length === 0) return { items: [], nextCursor: null };
  const bound = listScope(scope, query);
  let { i, key } = startOf(bound, query.cursor, runs.length);
  const items: T[] = [];
  while (i < runs.length) {
    const result = await readPage(runs[i]!, key, query.limit - items.length);
    items.push(...result.items);
    if (result.next) return { items, nextCursor: sealCursor(bound, { i, key: result.next }) };
    i += 1;
    key = null;
    if (items.length >= query.limit) break;
  }
  return { items, nextCursor: i < runs.length ? sealCursor(bound, { i, key: null }) : null };
}
