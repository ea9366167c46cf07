/** Writes items in BatchWriteItem calls of 25, 16 at a time, putting back what DynamoDB left unprocessed. */
export async function batchPut<T extends Record<string, unknown>>(
  put: (items: T[]) => Promise<{ unprocessed: unknown[] }>,
  items: T[],
  keyOf: (k: any) => string,
) {
  const CHUNK = 25 * 16;
  for (let i = 0; i < items.length; i += CHUNK) {
    let pending = items.slice(i, i + CHUNK);
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt === 5) throw new Error(`${pending.length} items left unprocessed after 5 attempts`);
      const { unprocessed } = await put(pending);
      const left = new Set(unprocessed.map(keyOf));
      pending = pending.filter((item) => left.has(keyOf(item)));
    }
  }
}
