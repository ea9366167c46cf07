import { AppError } from "../../errors";
import { page, type Page, type PageQuery } from "../../pagination";

type PageRun<T> = (options: { limit: number; cursor: string | null }) => Promise<{ data: T[]; cursor: string | null }>;

const badCursor = () => new AppError("validation_failed", "The cursor does not belong to this list", { errors: [{ path: "cursor", message: "is not a cursor from this list" }] });

function decode(cursor: string | undefined, runs: number): { i: number; c: string | null } {
  if (!cursor) return { i: 0, c: null };
  try {
    const { i, c } = JSON.parse(Buffer.from(cursor, "base64url").toString()) as { i: unknown; c: unknown };
    if (Number.isInteger(i) && (i as number) >= 0 && (i as number) < runs && (c === null || typeof c === "string")) return { i: i as number, c: c as string | null };
  } catch {
    /* falls through */
  }
  throw badCursor();
}

const encode = (i: number, c: string | null) => Buffer.from(JSON.stringify({ i, c })).toString("base64url");

/**
 * One page over several queries read one after the other (a parent's children's requests: each
 * child's in turn). A query that runs out hands over to the next within the same page, so a page
 * costs at most one call per query; the cursor says which query and where in it.
 */
export async function pagesInTurn<T>(runs: PageRun<T>[], query: PageQuery): Promise<Page<T>> {
  if (runs.length === 0) return { items: [], nextCursor: null };
  let { i, c } = decode(query.cursor, runs.length);
  const items: T[] = [];
  while (i < runs.length) {
    const result = await page(runs[i]!, { limit: query.limit - items.length, ...(c ? { cursor: c } : {}) });
    items.push(...result.items);
    if (result.nextCursor) return { items, nextCursor: encode(i, result.nextCursor) };
    i += 1;
    c = null;
    if (items.length >= query.limit) break;
  }
  return { items, nextCursor: i < runs.length ? encode(i, null) : null };
}
