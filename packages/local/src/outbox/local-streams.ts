/**
 * The three DynamoDB Streams calls the local outbox poller needs, over DynamoDB Local's JSON API.
 * (`@aws-sdk/client-dynamodb-streams` is not published at the version the other @aws-sdk packages
 * are pinned to; DynamoDB Local does not check signatures, so plain JSON requests do.)
 */
const AUTHORIZATION = "AWS4-HMAC-SHA256 Credential=local/20000101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=local";

export interface StreamShard {
  ShardId: string;
  SequenceNumberRange?: { EndingSequenceNumber?: string };
}

export interface LocalStreamRecord {
  eventName?: string;
  dynamodb?: { NewImage?: Record<string, { S?: string }>; SequenceNumber?: string };
}

export function localStreams(endpoint: string) {
  const call = async <T>(operation: string, body: unknown): Promise<T> => {
    const response = await fetch(endpoint, {
      method: "POST",
      headers: {
        "content-type": "application/x-amz-json-1.0",
        "x-amz-target": `DynamoDBStreams_20120810.${operation}`,
        authorization: AUTHORIZATION,
      },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`DynamoDB Streams ${operation} answered ${response.status}: ${text.slice(0, 300)}`);
    return JSON.parse(text) as T;
  };
  return {
    /** Every shard of the stream (DescribeStream pages through them). */
    async shards(streamArn: string): Promise<StreamShard[]> {
      const shards: StreamShard[] = [];
      let start: string | undefined;
      do {
        const { StreamDescription } = await call<{ StreamDescription: { Shards?: StreamShard[]; LastEvaluatedShardId?: string } }>("DescribeStream", {
          StreamArn: streamArn,
          ...(start ? { ExclusiveStartShardId: start } : {}),
        });
        shards.push(...(StreamDescription.Shards ?? []));
        start = StreamDescription.LastEvaluatedShardId;
      } while (start);
      return shards;
    },
    async iterator(streamArn: string, shardId: string): Promise<string> {
      const { ShardIterator } = await call<{ ShardIterator: string }>("GetShardIterator", {
        StreamArn: streamArn,
        ShardId: shardId,
        ShardIteratorType: "TRIM_HORIZON",
      });
      return ShardIterator;
    },
    /** A closed shard, read to its end, answers no next iterator. */
    records(iterator: string) {
      return call<{ Records?: LocalStreamRecord[]; NextShardIterator?: string }>("GetRecords", { ShardIterator: iterator, Limit: 1000 });
    },
  };
}
