import { BatchGetCommand } from "@aws-sdk/lib-dynamodb";
import type { Entity, EntityItem } from "electrodb";
import { dynamo } from "./client";
import { TABLE_KEYS } from "./table-definition";

type AnyEntity = Entity<any, any, any, any>;
type Raw = Record<string, unknown>;

export interface ItemRead<T> {
  table: string;
  key: Raw;
  parse(raw: Raw | undefined): T | null;
}

/** One item for readTogether(): its entity and key. */
export function itemOf<E extends AnyEntity>(entity: E, key: Record<string, string>): ItemRead<EntityItem<E>> {
  const params = entity.get(key).params() as { TableName: string; Key: Raw };
  return {
    table: params.TableName,
    key: params.Key,
    parse: (raw) => (raw ? (entity.parse({ Item: raw }).data as EntityItem<E>) : null),
  };
}

/** What readTogether() returns for its reads: each item, or null when it does not exist. */
export type ReadResults<T extends readonly ItemRead<unknown>[]> = { [K in keyof T]: T[K] extends ItemRead<infer V> ? V | null : never };

const sameKey = (a: Raw, b: Raw) => a[TABLE_KEYS.partitionKey] === b[TABLE_KEYS.partitionKey] && a[TABLE_KEYS.sortKey] === b[TABLE_KEYS.sortKey];

/**
 * Reads items of different entities in one strongly consistent BatchGetItem. ElectroDB reads
 * across entities only with TransactGetItems, which costs twice the read capacity.
 */
export async function readTogether<const T extends readonly ItemRead<unknown>[]>(...reads: T): Promise<ReadResults<T>> {
  const table = reads[0]!.table;
  const found: Raw[] = [];
  let keys: Raw[] = reads.map((read) => read.key);
  for (let attempt = 0; keys.length > 0; attempt++) {
    if (attempt === 3) throw new Error("BatchGetItem left keys unprocessed after 3 attempts");
    const result = await dynamo().send(new BatchGetCommand({ RequestItems: { [table]: { Keys: keys, ConsistentRead: true } } }));
    found.push(...(result.Responses?.[table] ?? []));
    keys = result.UnprocessedKeys?.[table]?.Keys ?? [];
  }
  return reads.map((read) => read.parse(found.find((raw) => sameKey(raw, read.key)))) as never;
}
