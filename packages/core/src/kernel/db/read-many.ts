import { BatchGetCommand } from "@aws-sdk/lib-dynamodb";
import { dynamo } from "./client";
import type { ItemRead } from "./read-together";
import { TABLE_KEYS } from "./table-definition";

type Raw = Record<string, unknown>;

/** DynamoDB's limit on keys per BatchGetItem. */
const BATCH = 100;

const keyOf = (raw: Raw) => `${raw[TABLE_KEYS.partitionKey]}\u0000${raw[TABLE_KEYS.sortKey]}`;

async function batch<T>(reads: readonly ItemRead<T>[], consistent: boolean): Promise<(T | null)[]> {
  const table = reads[0]!.table;
  const found = new Map<string, Raw>();
  let keys: Raw[] = reads.map((read) => read.key);
  for (let attempt = 0; keys.length > 0; attempt++) {
    if (attempt === 5) throw new Error("BatchGetItem left keys unprocessed after 5 attempts");
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt));
    const result = await dynamo().send(new BatchGetCommand({ RequestItems: { [table]: { Keys: keys, ConsistentRead: consistent } } }));
    for (const raw of result.Responses?.[table] ?? []) found.set(keyOf(raw), raw);
    keys = result.UnprocessedKeys?.[table]?.Keys ?? [];
  }
  return reads.map((read) => read.parse(found.get(keyOf(read.key))));
}

/**
 * Reads any number of items (null where missing), 100 keys per BatchGetItem, a few batches at a
 * time. The billing run's bulk reads are eventually consistent (half the read capacity): what it
 * writes is conditional on what it read, so a stale read only costs a retry from a `consistent` one.
 */
export async function readMany<T>(reads: readonly ItemRead<T>[], options: { consistent?: boolean; parallel?: number } = {}): Promise<(T | null)[]> {
  const batches: ItemRead<T>[][] = [];
  for (let i = 0; i < reads.length; i += BATCH) batches.push(reads.slice(i, i + BATCH));
  const results: (T | null)[][] = new Array(batches.length);
  await inPool(
    batches.map((_, index) => index),
    options.parallel ?? 4,
    async (index) => {
      results[index] = await batch(batches[index]!, options.consistent ?? false);
    },
  );
  return results.flat();
}

/** Runs `work` over items, at most `limit` at a time. */
export async function inPool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}
