/** One sorted stream's page: up to `limit` items after a key, and whether it has more. */
export interface StreamPage<T> {
  items: T[];
  more: boolean;
}

/** DynamoDB orders string sort keys by their UTF-8 bytes; so must the merge. */
export const compareKeys = (a: string, b: string) => Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));

/**
 * Merges pages of streams sorted by the same key into one page of `limit` items, dropping
 * duplicates (a record in two streams). Nothing past the last item of a stream that has more is
 * taken, since that stream's next items may sort before it. `hasMore` says whether a next page,
 * starting after the last item returned, can hold anything.
 */
export function mergeSorted<T>(pages: StreamPage<T>[], keyOf: (item: T) => string, limit: number) {
  const byKey = new Map<string, T>();
  for (const page of pages) for (const item of page.items) byKey.set(keyOf(item), item);
  const keys = [...byKey.keys()].sort(compareKeys);
  const bounds = pages.filter((p) => p.more && p.items.length > 0).map((p) => keyOf(p.items[p.items.length - 1]!));
  const boundary = bounds.sort(compareKeys)[0];
  const safe = boundary === undefined ? keys : keys.filter((k) => compareKeys(k, boundary) <= 0);
  const taken = safe.slice(0, limit);
  const hasMore = keys.length > taken.length || pages.some((p) => p.more);
  return { items: taken.map((k) => byKey.get(k)!), hasMore };
}
