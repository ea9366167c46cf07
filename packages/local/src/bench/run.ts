import { benchAnnouncementFanOut, type AnnouncementFanOutResult } from "./announcement-fan-out";
import { parseArgs } from "node:util";
import { createApp } from "@studiosync/functions";
import { applyLocalEnv, ensureTableAndBucket, startEngines } from "../engines/index";
import { startStreamPoller, type StreamHandler } from "../outbox/stream-poller";
import { benchBillingRun, printBillingRun, type BillingRunBenchResult } from "./billing-run";
import { measureLambdaBundles } from "./bundle";
import { benchMaterialiseLessons, type MaterialiseBenchResult } from "./materialise-lessons";
import { benchSlotBroadcast, type SlotBroadcastBenchResult } from "./slot-broadcast";
import { benchPages, printPages, type PagesBenchResult } from "./pages";
import { costModelOf, printCostModel, type CostModelResult } from "./cost-model";
import { type CostMeasurements, measureCostInputs } from "./cost-measure";
import { StreamConsumerMeter } from "./cost-streams";
import { Fixtures } from "./fixtures";
import { MATRIX_ROWS, matrixWorld } from "./matrix-samples";
import { assertEveryOperationCosted } from "./operation-coverage";
import { ACCOUNT_SAMPLES, NOT_SAMPLED } from "./operation-samples";
import { apiOperations, operationOf } from "./operations";
import { printAnnouncementFanOut, printBroadcast, printBundles, printMaterialise, printOperationCosts, printRouteTable, writeResults } from "./report";
import { runScenario, toFetch, type RouteResult } from "./run-scenario";
import { costliest, costOf, sampleOperations, type OperationCost } from "./sample-operations";
import { scenarios } from "./scenarios";

/**
 * `npm run bench [-- --n 300] [-- --only login]`: cost (DynamoDB calls, RCU, WCU from
 * Server-Timing) and latency per route against its own in-memory engines, then the cost of one
 * call of every other operation of the API (the permission matrix's requests), then the API
 * bundle's size and cold import time, then what a typical studio's month costs on AWS next to
 * what the platform charges for it (`--only cost`: that alone; cost-model.ts). Prints tables and
 * writes packages/local/bench/results.json.
 */
const { values } = parseArgs({
  options: {
    n: { type: "string", default: "300" },
    only: { type: "string" },
    "import-runs": { type: "string", default: "15" },
    patterns: { type: "string", default: "1000" },
    accounts: { type: "string", default: "1000" },
    "page-runs": { type: "string", default: "20" },
  },
});
const iterations = Number(values.n);
if (!Number.isInteger(iterations) || iterations < 1) throw new Error(`--n must be a positive integer, got ${values.n}`);

/** Fresh in-memory engines with the bench's table and bucket, and the stream consumers for it (or `streamHandler`). */
async function freshEngines(streamHandler?: StreamHandler) {
  const engines = await startEngines();
  const env = {
    stage: "local" as const,
    tableName: "studiosync-bench",
    bucketName: "studiosync-bench",
    appSecret: "bench-secret-bench-secret-bench-secret-0123456789",
    webUrl: "http://127.0.0.1:4321",
    dynamodbEndpoint: engines.dynamodbEndpoint,
    s3Endpoint: engines.s3Endpoint,
    sesEndpoint: engines.sesEndpoint,
    stripeApiBase: engines.stripeApiBase,
  };
  applyLocalEnv(env);
  await ensureTableAndBucket(env);
  // The outbox consumer sends the mail the fixtures read (sign-up verification, invitations).
  const outbox = await startStreamPoller({ dynamodbEndpoint: engines.dynamodbEndpoint, tableName: env.tableName, handler: streamHandler });
  return {
    ...engines,
    stop: async () => {
      await outbox.stop();
      await engines.stop();
    },
  };
}

// Every operation is sampled or listed with why not: checked before anything runs.
const operations = apiOperations();
assertEveryOperationCosted(operations);
const chosen = (name: string) => !values.only || name.toLowerCase().includes(values.only.toLowerCase());

let engines = await freshEngines();
try {
  const app = createApp();
  const fetcher = (path: string, init: RequestInit) => app.request(path, init);
  const fixtures = new Fixtures((request) => {
    const { path, init } = toFetch(request);
    return Promise.resolve(fetcher(path, init));
  });

  const selected = scenarios.filter((s) => chosen(s.name));
  console.log(`Benchmarking ${selected.length} routes × ${iterations} requests (in-process, local engines)…\n`);
  const routes: RouteResult[] = [];
  for (const scenario of selected) {
    process.stdout.write(`  ${scenario.name} … `);
    const result = await runScenario(fetcher, fixtures, scenario, iterations);
    console.log(`p50 ${result.p50Ms} ms`);
    routes.push(result);
  }
  console.log();
  printRouteTable(routes);

  const sampled = operations.filter(chosen);
  const costs: OperationCost[] = routes.flatMap((route, i) => {
    const operation = operationOf(operations, route.route);
    const cost = { calls: route.callsPerRequestMax, rcu: route.rcuPerRequestMean, wcu: route.wcuPerRequestMean };
    return operation && sampled.includes(operation) ? [costOf(operation, "scenario", selected[i]!.expectStatus, cost)] : [];
  });
  const byRequest = sampled.filter((op) => (op in MATRIX_ROWS || op in ACCOUNT_SAMPLES) && !costs.some((c) => c.operation === op));
  if (byRequest.length) {
    console.log(`\nSampling ${byRequest.length} more operations once each, in the permission matrix's world…`);
    costs.push(...(await sampleOperations(await matrixWorld(), byRequest)));
  }
  const operationCosts = costliest(costs);
  const notSampled = Object.fromEntries(Object.entries(NOT_SAMPLED).filter(([op]) => chosen(op)));
  console.log();
  printOperationCosts(operationCosts, notSampled);

  // On engines of its own: DynamoDB Local's transactions slow down in a store the calendar scenarios filled.
  let materialise: MaterialiseBenchResult | undefined;
  if (!values.only || "materialise".includes(values.only.toLowerCase())) {
    await engines.stop();
    engines = await freshEngines();
    console.log(`\nMaterialising 12 weeks of lessons for ${values.patterns} weekly patterns (one job run, fresh engines)…`);
    materialise = await benchMaterialiseLessons({ patterns: Number(values.patterns) });
    printMaterialise(materialise);
  }

  let billingRun: BillingRunBenchResult | undefined;
  if (!values.only || "billing-run".includes(values.only.toLowerCase())) {
    await engines.stop();
    engines = await freshEngines();
    console.log(`\nBilling run over ${values.accounts} accounts with a month of lessons (fresh engines)…`);
    billingRun = await benchBillingRun({ accounts: Number(values.accounts) });
    printBillingRun(billingRun);
  }

  let broadcast: SlotBroadcastBenchResult | undefined;
  if (!values.only || "broadcast".includes(values.only.toLowerCase())) {
    await engines.stop();
    engines = await freshEngines();
    console.log("\nBroadcasting a freed slot to 200 make-up credit holders (one job run, fresh engines)…");
    broadcast = await benchSlotBroadcast({ holders: 200 });
    printBroadcast(broadcast);
  }

  let announcements: AnnouncementFanOutResult | undefined;
  if (!values.only || "announcements".includes(values.only.toLowerCase())) {
    await engines.stop();
    engines = await freshEngines();
    console.log("\nAn announcement to 1,000 families (the Announcements job until every copy is in the outbox, fresh engines)…");
    announcements = await benchAnnouncementFanOut({ recipients: 1_000 });
    printAnnouncementFanOut(announcements);
  }

  let pages: PagesBenchResult | undefined;
  if (!values.only || "pages".includes(values.only.toLowerCase())) {
    await engines.stop();
    engines = await freshEngines();
    console.log(`\nWorkspace pages of the demo studio (built site, ${values["page-runs"]} loads each, fresh engines)…`);
    pages = await benchPages({ runs: Number(values["page-runs"]) });
    printPages(pages);
  }

  // On engines whose stream consumers are measured: the operations, consumers and jobs a studio's month is made of.
  let costInputs: CostMeasurements | undefined;
  if (!values.only || "cost".includes(values.only.toLowerCase())) {
    await engines.stop();
    const consumers = new StreamConsumerMeter();
    engines = await freshEngines(consumers.handler);
    console.log("\nA typical studio's month: measuring its operations, the stream consumers and the jobs (fresh engines)…");
    costInputs = await measureCostInputs(consumers, { dynamodbEndpoint: engines.dynamodbEndpoint });
  }

  console.log();
  const bundles = await measureLambdaBundles(Number(values["import-runs"]));
  printBundles(bundles);

  // Priced after the bundles: cold starts pay their measured import time.
  let costModel: CostModelResult | undefined;
  if (costInputs) {
    costModel = costModelOf({ measured: costInputs, bundles, pages });
    console.log();
    printCostModel(costModel);
  }
  console.log(
    `\nResults written to ${writeResults({ routes, operations: operationCosts, notSampled, bundles, iterations, materialise, billingRun, broadcast, announcements, pages, costModel })}`,
  );
} finally {
  await engines.stop();
}
