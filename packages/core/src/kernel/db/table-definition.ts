import type { CreateTableCommandInput } from "@aws-sdk/client-dynamodb";

/**
 * The single table's physical shape. Shared by the CDK stack (stacks/Storage.ts), the local
 * runtime (creates it in DynamoDB Local) and tests, so all three agree on key names.
 * Indexes are generic (gsi1, gsi2); entities give them access-pattern names.
 */
export const TABLE_KEYS = {
  partitionKey: "pk",
  sortKey: "sk",
  ttlAttribute: "expiresAt",
  globalIndexes: {
    gsi1: { partitionKey: "gsi1pk", sortKey: "gsi1sk" },
    gsi2: { partitionKey: "gsi2pk", sortKey: "gsi2sk" },
    gsi3: { partitionKey: "gsi3pk", sortKey: "gsi3sk" },
  },
} as const;

export function createTableInput(tableName: string): CreateTableCommandInput {
  const attrs = new Set<string>([TABLE_KEYS.partitionKey, TABLE_KEYS.sortKey]);
  for (const idx of Object.values(TABLE_KEYS.globalIndexes)) {
    attrs.add(idx.partitionKey);
    attrs.add(idx.sortKey);
  }
  return {
    TableName: tableName,
    BillingMode: "PAY_PER_REQUEST",
    AttributeDefinitions: [...attrs].map((name) => ({ AttributeName: name, AttributeType: "S" })),
    KeySchema: [
      { AttributeName: TABLE_KEYS.partitionKey, KeyType: "HASH" },
      { AttributeName: TABLE_KEYS.sortKey, KeyType: "RANGE" },
    ],
    GlobalSecondaryIndexes: Object.entries(TABLE_KEYS.globalIndexes).map(([name, idx]) => ({
      IndexName: name,
      KeySchema: [
        { AttributeName: idx.partitionKey, KeyType: "HASH" },
        { AttributeName: idx.sortKey, KeyType: "RANGE" },
      ],
      Projection: { ProjectionType: "ALL" },
    })),
    StreamSpecification: { StreamEnabled: true, StreamViewType: "NEW_AND_OLD_IMAGES" },
  };
}
