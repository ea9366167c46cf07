import { Service } from "electrodb";
import { config } from "../config";
import { dynamo } from "./client";

/**
 * An ElectroDB service over the single table, built on first use and rebuilt when the table
 * name or the DynamoDB client changes (tests and the bench switch tables).
 */
export function tableService<const E extends ConstructorParameters<typeof Service>[0]>(entities: E) {
  const create = () => new Service(entities, { table: config().tableName, client: dynamo() });
  let service: ReturnType<typeof create> | undefined;
  let builtWith: { table: string; client: unknown } | undefined;
  return () => {
    const table = config().tableName;
    const client = dynamo();
    if (!service || builtWith?.table !== table || builtWith.client !== client) {
      service = create();
      builtWith = { table, client };
    }
    return service;
  };
}

/** A service's entities as its transaction callback receives them: only these have `.commit()`. */
export type TransactionEntities<S extends () => { transaction: { write: (...args: never[]) => unknown } }> = Parameters<
  Parameters<ReturnType<S>["transaction"]["write"]>[0]
>[0];
