import type { BillingRunBenchResult } from "./billing-run";
import type { MaterialiseBenchResult } from "./materialise-lessons";
import type { SlotBroadcastBenchResult } from "./slot-broadcast";
import type { AnnouncementFanOutResult } from "./announcement-fan-out";
import type { PagesBenchResult } from "./pages";
import type { CostModelResult } from "./cost-model";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { LOCAL_PACKAGE_DIR, REPO_ROOT } from "../paths";
import { LAMBDA_BUNDLE_BUDGET_KB } from "@studiosync/functions/routing";
import { AWS_SDK_EXTERNAL, type BundleResult } from "./bundle";
import type { RouteResult } from "./run-scenario";
import type { OperationCost } from "./sample-operations";

export const RESULTS_FILE = join(LOCAL_PACKAGE_DIR, "bench", "results.json");

export function printRouteTable(results: RouteResult[]): void {
  const header = ["route", "n", "calls/req (max)", "RCU/req (mean)", "WCU/req (mean)", "p50 ms", "p95 ms"];
  const rows = results.map((r) => [
    r.route,
    String(r.requests),
    String(r.callsPerRequestMax),
    r.rcuPerRequestMean.toFixed(2),
    r.wcuPerRequestMean.toFixed(2),
    r.p50Ms.toFixed(1),
    r.p95Ms.toFixed(1),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const row of rows) console.log(line(row));
}

/** Every operation with its DynamoDB calls, those over budget flagged and listed, and those not sampled with why. */
export function printOperationCosts(costs: OperationCost[], notSampled: Record<string, string>): void {
  console.log(`Every operation: DynamoDB calls of one request (budget: a read ≤ 3 calls, a write ≤ 3 reads + 1 write)`);
  const header = ["operation", "via", "status", "calls", "RCU", "WCU", ""];
  const rows = costs.map((c) => [
    c.operation,
    c.via,
    String(c.status),
    String(c.calls),
    c.rcu.toFixed(2),
    c.wcu.toFixed(2),
    c.overBudget ? `over (≤ ${c.budget})` : "",
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join("  ")
      .trimEnd();
  console.log(line(header));
  for (const row of rows) console.log(line(row));
  const over = costs.filter((c) => c.overBudget);
  console.log(`\n${over.length} of ${costs.length} sampled operations over budget${over.length ? ":" : "."}`);
  for (const c of over) console.log(`  ${c.operation}: ${c.calls} calls (budget ${c.budget})`);
  const failed = costs.filter((c) => c.status >= 300);
  if (failed.length) console.log(`${failed.length} samples were not answered 2xx: ${failed.map((c) => `${c.operation} (${c.status})`).join(", ")}`);
  const skipped = Object.entries(notSampled);
  console.log(`${skipped.length} operations not sampled${skipped.length ? ":" : "."}`);
  for (const [op, why] of skipped) console.log(`  ${op}: ${why}`);
}

export function printBundles(bundles: BundleResult[]): void {
  console.log(
    `API Lambdas (esbuild as SST bundles them (stacks/Api.ts): esm, node22, minified, split; ${AWS_SDK_EXTERNAL} external — the Lambda runtime provides it)`,
  );
  for (const b of bundles) {
    console.log(
      `  ${b.lambda.padEnd(13)} ${String(b.sizeKb).padStart(6)} KB in all, entry ${String(b.entrySizeKb).padStart(6)} KB; cold import ${b.coldImportMedianMs} ms (median of ${b.coldImportRuns} fresh node processes)  ${b.entry}${b.sizeKb > LAMBDA_BUNDLE_BUDGET_KB ? `  over ${LAMBDA_BUNDLE_BUDGET_KB} KB` : ""}`,
    );
  }
}

export function writeResults(results: {
  routes: RouteResult[];
  operations: OperationCost[];
  notSampled: Record<string, string>;
  bundles: BundleResult[];
  iterations: number;
  materialise?: MaterialiseBenchResult;
  billingRun?: BillingRunBenchResult;
  broadcast?: SlotBroadcastBenchResult;
  announcements?: AnnouncementFanOutResult;
  pages?: PagesBenchResult;
  costModel?: CostModelResult;
}): string {
  mkdirSync(dirname(RESULTS_FILE), { recursive: true });
  const document = {
    generatedAt: new Date().toISOString(),
    node: process.version,
    engines: "DynamoDB Local (in memory), s3rver, aws-ses-v2-local on 127.0.0.1; requests in-process via app.request()",
    iterationsPerRoute: results.iterations,
    routes: results.routes,
    operations: results.operations,
    operationsNotSampled: results.notSampled,
    lambdaBundles: results.bundles,
    ...(results.materialise ? { materialiseJob: results.materialise } : {}),
    ...(results.broadcast ? { slotBroadcastJob: results.broadcast } : {}),
    ...(results.announcements ? { announcementFanOut: results.announcements } : {}),
    ...(results.billingRun ? { billingRun: results.billingRun } : {}),
    ...(results.pages ? { workspacePages: results.pages } : {}),
    ...(results.costModel ? { costModel: results.costModel } : {}),
  };
  writeFileSync(RESULTS_FILE, `${JSON.stringify(document, null, 2)}\n`);
  return relative(REPO_ROOT, RESULTS_FILE);
}

/** The materialise job's run over many patterns: requests by kind, capacity and time. */
export function printBroadcast(b: SlotBroadcastBenchResult): void {
  const ops = Object.entries(b.operations)
    .map(([op, n]) => `${n} ${op}`)
    .join(", ");
  console.log(`  ${b.creditHolders} credit holders → ${b.summary.emails} emails in ${b.seconds} s`);
  console.log(`  ${b.requests} DynamoDB requests (${ops}); ${b.wcu} WCU`);
}

export function printAnnouncementFanOut(a: AnnouncementFanOutResult): void {
  const ops = (by: Record<string, number>) =>
    Object.entries(by)
      .map(([op, n]) => `${n} ${op}`)
      .join(", ");
  console.log(
    `  ${a.recipients} recipients → every copy in the outbox in ${a.seconds} s: ${a.requests} DynamoDB requests (${ops(a.operations)}); ${a.wcu} WCU`,
  );
  console.log(
    `  ${a.requestsPer1000} requests per 1,000 recipients to hand them over; then ${a.deliveryRequestsPerCopy} per copy to send it (${ops(a.deliveryOperations)} for 20)`,
  );
}

export function printMaterialise(m: MaterialiseBenchResult): void {
  const ops = Object.entries(m.operations)
    .map(([op, n]) => `${n} ${op}`)
    .join(", ");
  console.log(`  ${m.patterns} patterns → ${m.lessonsCreated} lessons (${m.horizonWeeks} weeks) in ${m.seconds} s`);
  console.log(`  ${m.requests} DynamoDB requests (${ops}); ${m.rcu} RCU, ${m.wcu} WCU`);
}
