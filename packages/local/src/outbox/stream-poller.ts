import { DescribeTableCommand } from "@aws-sdk/client-dynamodb";
import { materialsCatchUpHandler, meteringHandler, outboxConsumerHandler, webhooksHandler } from "@studiosync/functions/job-handlers";
import { localDynamoClient } from "../engines/aws-clients";
import { localStreams, type LocalStreamRecord } from "./local-streams";

export interface StreamPoller {
  /** Stops polling after the batch in hand; safe to call twice. */
  stop(): Promise<void>;
}

export type StreamHandler = (event: { Records: LocalStreamRecord[] }) => Promise<{ batchItemFailures: { itemIdentifier: string }[] }>;

export interface StreamPollerOptions {
  dynamodbEndpoint: string;
  tableName: string;
  /** Defaults to the table stream's consumer Lambdas' own handlers (the outbox, the materials catch-up, metering, webhooks), each given every batch. */
  handler?: StreamHandler;
  /** Pause between empty polls. */
  idleMs?: number;
  log?: (line: string) => void;
}

/** What the table's stream consumers on AWS do with a batch: each gets it (their event source filters keep what is theirs; the handlers ignore the rest). */
const streamConsumers: StreamHandler = async (event) => {
  const results = await Promise.all(
    [outboxConsumerHandler, materialsCatchUpHandler, meteringHandler, webhooksHandler].map((consume) => (consume as unknown as StreamHandler)(event)),
  );
  return { batchItemFailures: results.flatMap((result) => result.batchItemFailures) };
};

const SHARD_REFRESH_MS = 1_000;
const MAX_IN_FLIGHT = 8;
const HANDLER_ATTEMPTS = 3;
const RETRY_PAUSE_MS = 250;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * What the DynamoDB Stream → Lambda event source mapping does on AWS, for DynamoDB Local: reads
 * every shard of the table's stream from its start (TRIM_HORIZON) and hands each batch to the
 * consumer handler. Records the handler reports as failed are left to the outbox retry job (they
 * are keyed for it from their first write). An expired or broken iterator is dropped and its shard
 * read again from the start: replayed records are no-ops (a message is claimed only once).
 */
export async function startStreamPoller(options: StreamPollerOptions): Promise<StreamPoller> {
  const { dynamodbEndpoint, tableName, idleMs = 50 } = options;
  const handler = options.handler ?? streamConsumers;
  const log = options.log ?? ((line: string) => console.log(line));
  const client = localDynamoClient(dynamodbEndpoint);
  const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
  client.destroy();
  const streamArn = Table?.LatestStreamArn;
  if (!streamArn) throw new Error(`Table ${tableName} has no stream; it must be created with createTableInput()`);

  const streams = localStreams(dynamodbEndpoint);
  const iterators = new Map<string, string>();
  const finished = new Set<string>();
  let stopped = false;
  let refreshedAt = 0;

  const refreshShards = async () => {
    for (const shard of await streams.shards(streamArn)) {
      if (!iterators.has(shard.ShardId) && !finished.has(shard.ShardId)) iterators.set(shard.ShardId, await streams.iterator(streamArn, shard.ShardId));
    }
    refreshedAt = Date.now();
  };

  // Batches are handed over without waiting for their sends (a claim makes each message go out
  // once whatever the order), so one slow send does not hold up the mail behind it; at most
  // MAX_IN_FLIGHT batches at a time.
  const inFlight = new Set<Promise<void>>();
  // Like Lambda's retries of a partial batch response: the records the handler reports as failed
  // are handed back after a pause, a few times, before they are left to the outbox retry job.
  const deliver = (Records: LocalStreamRecord[], attempt = 1) => {
    const batch = handler({ Records }).then(
      ({ batchItemFailures }) => {
        if (batchItemFailures.length === 0) return;
        const failed = new Set(batchItemFailures.map((failure) => failure.itemIdentifier));
        const again = Records.filter((record) => failed.has(record.dynamodb?.SequenceNumber ?? ""));
        if (attempt < HANDLER_ATTEMPTS && again.length > 0 && !stopped) return sleep(RETRY_PAUSE_MS * attempt).then(() => deliver(again, attempt + 1));
        log(`[outbox] ${batchItemFailures.length} record(s) left to the retry job`);
      },
      (error: Error) => {
        if (attempt < HANDLER_ATTEMPTS && !stopped) return sleep(RETRY_PAUSE_MS * attempt).then(() => deliver(Records, attempt + 1));
        log(`[outbox] consumer failed: ${error.message}`);
      },
    );
    const tracked = batch.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
  };

  const pollShard = async (shardId: string, iterator: string): Promise<number> => {
    try {
      const { Records = [], NextShardIterator } = await streams.records(iterator);
      if (NextShardIterator) iterators.set(shardId, NextShardIterator);
      else {
        iterators.delete(shardId);
        finished.add(shardId);
      }
      if (Records.length > 0) deliver(Records);
      return Records.length;
    } catch (error) {
      iterators.delete(shardId);
      if (!stopped) log(`[outbox] stream shard ${shardId}: ${(error as Error).message}`);
      return 0;
    }
  };

  const loop = (async () => {
    while (!stopped) {
      try {
        if (Date.now() - refreshedAt > SHARD_REFRESH_MS) await refreshShards();
      } catch (error) {
        if (!stopped) log(`[outbox] reading the stream failed: ${(error as Error).message}`);
      }
      let seen = 0;
      for (const [shardId, iterator] of [...iterators]) seen += await pollShard(shardId, iterator);
      while (inFlight.size >= MAX_IN_FLIGHT) await Promise.race(inFlight);
      if (seen === 0 && !stopped) await sleep(idleMs);
    }
    await Promise.allSettled([...inFlight]);
  })();

  return {
    stop: () => {
      stopped = true;
      return loop;
    },
  };
}
