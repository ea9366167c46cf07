import { BYTES_PER_GB, daysInMonth, priceFor, usageBill, type Month, type UsageBill } from "@studiosync/core/metering";
import { ROUTE_KEYS, type LambdaName } from "@studiosync/functions/routing";
import { WORKER_FUNCTION_PROPS } from "../../../../stacks/table-stream";
import type { BundleResult } from "./bundle";
import { HOURS_PER_MONTH, type CostMeasurements } from "./cost-measure";
import * as PRICES from "./cost-prices";
import * as PROFILE from "./cost-profile";
import { API_ACTIVITIES, measuredAs, STUDIO_PROFILE } from "./cost-profile";
import type { UnitCost } from "./cost-streams";
import { median, round } from "./measure";
import type { PagesBenchResult } from "./pages";

// --- The Lambdas' memory (every function in stacks/ is arm_64) ---

/** stacks/Api.ts `appFunctionProps.memorySize` (built inside the stack function, not exported). */
export const API_MEMORY_MB = 512;
/** stacks/Api.ts `SIZING` and the docs Lambda (not exported): the API Lambdas that differ. */
export const API_MEMORY_MB_BY_LAMBDA: Partial<Record<LambdaName, number>> = { people: 1024, docs: 256 };
/** stacks/Jobs.ts: every scheduled job's Lambda (`memorySize: 1024`; the outbox retry job has the workers' props). */
export const JOB_MEMORY_MB = 1024;
/** stacks/ses-events-function.ts `memorySize`. */
export const SES_EVENTS_MEMORY_MB = 256;
/** The site's server function: SST's SsrSite default `memorySize` (node_modules/sst/constructs/SsrSite.js; stacks/Web.ts sets none), on SsrFunction's default arm64. */
export const SITE_SERVER_MEMORY_MB = 1024;
/** The stream consumers and the outbox retry job (stacks/table-stream.ts, imported). */
export const WORKER_MEMORY_MB: number = WORKER_FUNCTION_PROPS.memorySize;
if (WORKER_FUNCTION_PROPS.architecture !== "arm_64") throw new Error("cost model: the workers are no longer arm_64; price them at Lambda's x86 rate");

/**
 * The Lambda API Gateway sends an operation to: the most specific matching route key (a full
 * match before a greedy {proxy+}, then the longer literal path), else the platform Lambda; as
 * packages/functions/test/unit/lambda-routing.test.ts checks it.
 */
export function lambdaFor(operation: string): LambdaName {
  const [method, template] = operation.split(" ") as [string, string];
  const path = template.replace(/\{[^}]+\}/g, "x");
  const matches = (key: string) => {
    const [keyMethod, keyPath] = key.split(" ") as [string, string];
    if (keyMethod !== "ANY" && keyMethod !== method) return false;
    const pattern = keyPath
      .split("/")
      .map((part) => (part === "{proxy+}" ? ".+" : /^\{.+\}$/.test(part) ? "[^/]+" : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
      .join("/");
    return new RegExp(`^${pattern}$`).test(path);
  };
  const specificity = (key: string) => {
    const keyPath = key.split(" ")[1]!;
    return (keyPath.includes("{proxy+}") ? 0 : 10_000) + keyPath.replace("{proxy+}", "").length;
  };
  const best = Object.entries(ROUTE_KEYS)
    .flatMap(([lambda, keys]) => keys.filter(matches).map((key) => ({ lambda: lambda as LambdaName, key })))
    .sort((a, b) => specificity(b.key) - specificity(a.key))[0];
  return best?.lambda ?? "platform";
}

const apiMemoryMb = (operation: string) => API_MEMORY_MB_BY_LAMBDA[lambdaFor(operation)] ?? API_MEMORY_MB;

// --- The model ---

/** Some Lambda work done once per unit of an activity. */
interface Work {
  memoryMb: number;
  /** Lambda invocations (each billed its duration rounded up to 1 ms); 0: work inside a run counted elsewhere. */
  invocations: number;
  /** Per invocation (or the whole work's duration when it has none). */
  ms: number;
  rcu: number;
  wcu: number;
  /** Requests through API Gateway. */
  apiRequests: number;
}

interface Usage {
  lambdaRequests: number;
  gbSeconds: number;
  initGbSeconds: number;
  rru: number;
  wru: number;
  apiRequests: number;
  emails: number;
  snsPublishes: number;
  s3Puts: number;
  s3Gets: number;
  egressGb: number;
  cloudfrontRequests: number;
  cloudfrontGb: number;
}

export interface ActivityCost extends Usage {
  activity: string;
  perMonth: number;
  /** Where its numbers come from. */
  source: string;
  usd: number;
}

export interface CostLine {
  resource: string;
  quantity: number;
  unit: string;
  unitPriceUsd: number;
  /** The price is per this many units. */
  per: number;
  usd: number;
}

export interface CostModelResult {
  /** When it was measured (`--only cost` runs write it alone). */
  generatedAt: string;
  pricesCheckedOn: string;
  region: string;
  profile: typeof STUDIO_PROFILE;
  assumptions: Record<string, number>;
  page: { source: "measured" | "assumed"; apiCalls: number; renderMs: number; htmlKb: number };
  coldStartMs: number;
  measured: CostMeasurements;
  activities: ActivityCost[];
  lines: CostLine[];
  totalUsd: number;
  /** The same with every Lambda duration 4× (a 512 MB Lambda has about 0.3 of a vCPU; this machine's core is faster). */
  totalUsdSlowLambdas: number;
  platform: { month: Month; priceVersion: string; bill: UsageBill; totalUsd: number };
  /** AWS cost over the platform's charge. */
  infraShareOfRevenue: number;
  goalShare: number;
}

const emptyUsage = (): Usage => ({
  lambdaRequests: 0,
  gbSeconds: 0,
  initGbSeconds: 0,
  rru: 0,
  wru: 0,
  apiRequests: 0,
  emails: 0,
  snsPublishes: 0,
  s3Puts: 0,
  s3Gets: 0,
  egressGb: 0,
  cloudfrontRequests: 0,
  cloudfrontGb: 0,
});

const MB = 1024 * 1024;

/** The price of usage, storage aside. */
function usdOf(u: Usage): number {
  return (
    (u.wru / 1e6) * PRICES.DYNAMODB_PER_MILLION_WRITE_REQUEST_UNITS +
    (u.rru / 1e6) * PRICES.DYNAMODB_PER_MILLION_READ_REQUEST_UNITS +
    (u.lambdaRequests / 1e6) * PRICES.LAMBDA_PER_MILLION_REQUESTS +
    (u.gbSeconds + u.initGbSeconds) * PRICES.LAMBDA_ARM_PER_GB_SECOND +
    (u.apiRequests / 1e6) * PRICES.HTTP_API_PER_MILLION_REQUESTS +
    (u.emails / 1e3) * PRICES.SES_PER_THOUSAND_EMAILS +
    (u.snsPublishes / 1e6) * PRICES.SNS_PER_MILLION_PUBLISHES +
    (u.s3Puts / 1e3) * PRICES.S3_PER_THOUSAND_PUT_REQUESTS +
    (u.s3Gets / 1e3) * PRICES.S3_PER_THOUSAND_GET_REQUESTS +
    u.egressGb * PRICES.DATA_TRANSFER_OUT_PER_GB +
    (u.cloudfrontRequests / 1e4) * PRICES.CLOUDFRONT_PER_TEN_THOUSAND_HTTPS_REQUESTS +
    u.cloudfrontGb * PRICES.CLOUDFRONT_DATA_OUT_PER_GB +
    ((u.lambdaRequests * PROFILE.LOG_BYTES_PER_INVOCATION) / BYTES_PER_GB) * PRICES.CLOUDWATCH_LOGS_INGESTION_PER_GB
  );
}

function pageFigures(pages: PagesBenchResult | undefined): CostModelResult["page"] {
  const ok = pages?.pages.filter((p) => p.status === 200) ?? [];
  if (ok.length === 0)
    return { source: "assumed", apiCalls: PROFILE.PAGE_API_CALLS_ASSUMED, renderMs: PROFILE.PAGE_RENDER_MS_ASSUMED, htmlKb: PROFILE.PAGE_HTML_KB_ASSUMED };
  return {
    source: "measured",
    apiCalls: round(ok.reduce((sum, p) => sum + p.apiCalls, 0) / ok.length),
    renderMs: round(median(ok.map((p) => p.renderP50Ms)), 1),
    htmlKb: round(median(ok.map((p) => p.htmlKb)), 1),
  };
}

/**
 * A typical studio's month on AWS (cost-profile.ts) priced at the public prices (cost-prices.ts),
 * from what this bench run measured, next to what the platform charges for the same month (the
 * price list in core/metering).
 */
export function costModelOf(input: { measured: CostMeasurements; bundles: BundleResult[]; pages?: PagesBenchResult; month?: Month }): CostModelResult {
  const { measured } = input;
  const page = pageFigures(input.pages);
  const coldStartMs = round(median(input.bundles.map((b) => b.coldImportMedianMs)), 1);
  const activities: ActivityCost[] = [];

  const add = (activity: string, perMonth: number, source: string, work: Work[], extra: Partial<Usage> = {}) => {
    const u = emptyUsage();
    for (const w of work) {
      const gb = w.memoryMb / 1024;
      u.lambdaRequests += perMonth * w.invocations;
      // Lambda bills each invocation's duration rounded up to the millisecond, at least 1 ms.
      u.gbSeconds += w.invocations > 0 ? (perMonth * w.invocations * Math.max(1, Math.ceil(w.ms)) * gb) / 1000 : (perMonth * w.ms * gb) / 1000;
      u.initGbSeconds += (perMonth * w.invocations * PROFILE.COLD_START_SHARE * coldStartMs * gb) / 1000;
      u.rru += perMonth * w.rcu;
      u.wru += perMonth * w.wcu;
      u.apiRequests += perMonth * w.apiRequests;
    }
    for (const [key, value] of Object.entries(extra) as [keyof Usage, number][]) u[key] += perMonth * value;
    activities.push({ activity, perMonth: round(perMonth, 1), source, ...u, usd: usdOf(u) });
  };

  const unit = (operation: string): UnitCost => {
    const cost = measured.operations[measuredAs(operation)];
    if (!cost) throw new Error(`cost model: ${measuredAs(operation)} was not measured`);
    return cost;
  };
  const apiWork = (operation: string, times = 1, extraMs = 0): Work => {
    const cost = unit(operation);
    return { memoryMb: apiMemoryMb(operation), invocations: times, ms: cost.ms + extraMs, rcu: cost.rcu * times, wcu: cost.wcu * times, apiRequests: times };
  };
  const render = (times: number): Work => ({ memoryMb: SITE_SERVER_MEMORY_MB, invocations: times, ms: page.renderMs, rcu: 0, wcu: 0, apiRequests: 0 });
  const job = (memoryMb: number, cost: { ms: number; rcu: number; wcu: number }, invocations = 0): Work => ({
    memoryMb,
    invocations,
    ms: cost.ms,
    rcu: cost.rcu,
    wcu: cost.wcu,
    apiRequests: 0,
  });
  const stream = (key: string): UnitCost => {
    const found = Object.entries(measured.streams).filter(([k]) => k.startsWith(key));
    const samples = found.reduce((n, [, c]) => n + c.samples, 0);
    if (samples === 0) throw new Error(`cost model: the stream consumers got no "${key}" record`);
    const weighted = (pick: (c: UnitCost) => number) => found.reduce((sum, [, c]) => sum + pick(c) * c.samples, 0) / samples;
    return { samples, calls: weighted((c) => c.calls), rcu: weighted((c) => c.rcu), wcu: weighted((c) => c.wcu), ms: weighted((c) => c.ms) };
  };

  // What people do: the site's server renders, the API calls, S3.
  for (const a of API_ACTIVITIES) {
    const pages = a.pages?.count ?? 0;
    const work: Work[] = [render(a.renders + pages), ...a.calls.map((c) => apiWork(c.operation, c.times, c.extraMs))];
    if (a.pages) for (const read of a.pages.reads) work.push(apiWork(read, (pages * page.apiCalls) / a.pages.reads.length));
    const proxies = a.calls.filter((c) => measuredAs(c.operation) !== c.operation).length;
    const source = `measured${proxies ? ` (${proxies} by proxy)` : ""}${page.source === "assumed" && a.renders + pages > 0 ? "; renders assumed" : ""}`;
    add(a.name, a.perMonth, source, work, {
      s3Puts: a.s3Puts ?? 0,
      s3Gets: a.s3Gets ?? 0,
      egressGb: (a.egressMb ?? 0) / 1024,
      cloudfrontRequests: (a.renders + pages) * PROFILE.CLOUDFRONT_REQUESTS_PER_PAGE,
      cloudfrontGb: ((a.renders + pages) * page.htmlKb) / MB,
    });
  }

  // The jobs that grow with the studio, run at its size.
  const { lessons, invoices, emails } = STUDIO_PROFILE;
  const weeksPerMonth = HOURS_PER_MONTH / 24 / 7;
  add("Lessons materialised (a week of daily runs)", weeksPerMonth, "measured", [job(JOB_MEMORY_MB, measured.materialiseWeek)]);
  add("Invoices drafted (billing run)", invoices, "measured", [job(JOB_MEMORY_MB, measured.billingRunPerInvoice)]);
  // Invoice emails are queued inside the sends measured above; every other email by a job, as an announcement's copy is.
  const invoiceEmails = API_ACTIVITIES.find((a) => a.name === "Invoices sent")?.perMonth ?? 0;
  add("Emails queued by jobs (reminders, announcements…)", emails - invoiceEmails, "measured (an announcement's copy)", [
    job(JOB_MEMORY_MB, measured.handoverPerEmail),
  ]);

  // The outbox consumer: one invocation per email (the most Lambda could make), then SES.
  add("Emails sent (outbox consumer, SES)", emails, "measured", [job(WORKER_MEMORY_MB, stream("outbox outboxMessage INSERT"), 1)], { emails: 1 });
  const sesEvents = 1 + PROFILE.EMAIL_OPENS_PER_EMAIL;
  add("SES events (deliveries, opens) via SNS", emails * sesEvents, "measured", [job(SES_EVENTS_MEMORY_MB, measured.sesEvent, 1)], { snsPublishes: 1 });
  const meteredPerEmail = measured.outboxInvocations > 0 ? measured.meteringInvocationsOfOutboxMessages / measured.outboxInvocations : 0;
  add("Metering of emails (stream)", emails * meteredPerEmail, `measured (${round(meteredPerEmail, 1)} records an email)`, [
    job(WORKER_MEMORY_MB, stream("metering outboxMessage "), 1),
  ]);
  add("Metering of lessons (stream)", lessons * PROFILE.LESSON_WRITES_PER_LESSON, "measured", [job(WORKER_MEMORY_MB, stream("metering lesson "), 1)]);
  add("Materials catch-up of students (stream)", PROFILE.STUDENT_WRITES, "measured", [job(WORKER_MEMORY_MB, stream("materialsCatchUp student "), 1)]);

  // The scheduled jobs' runs with nothing to do, shared by every studio: its share of the runs, each job in its proportion.
  const idle = Object.values(measured.jobs);
  const idleRuns = idle.reduce((n, j) => n + j.runsPerMonth, 0);
  add(
    `Scheduled jobs' idle runs (1/${PROFILE.STUDIOS_ON_THE_PLATFORM} of ${Math.round(idleRuns).toLocaleString("en")})`,
    idleRuns / PROFILE.STUDIOS_ON_THE_PLATFORM,
    "measured",
    idle.map((j) => {
      const of = j.runsPerMonth / idleRuns;
      return job(j.memory === "job" ? JOB_MEMORY_MB : WORKER_MEMORY_MB, { ms: j.ms, rcu: j.rcu * of, wcu: j.wcu * of }, of);
    }),
  );

  // Everything together, then storage.
  const all = activities.reduce((sum, a) => {
    for (const key of Object.keys(sum) as (keyof Usage)[]) sum[key] += a[key];
    return sum;
  }, emptyUsage());
  const dynamoGb = (PROFILE.STORED_ITEMS * measured.averageItemBytes) / BYTES_PER_GB;
  const logsGb = (all.lambdaRequests * PROFILE.LOG_BYTES_PER_INVOCATION) / BYTES_PER_GB;
  const line = (resource: string, quantity: number, unit: string, unitPriceUsd: number, per: number): CostLine => ({
    resource,
    quantity,
    unit,
    unitPriceUsd,
    per,
    usd: (quantity / per) * unitPriceUsd,
  });
  const lines: CostLine[] = [
    line("DynamoDB write request units", all.wru, "WRU", PRICES.DYNAMODB_PER_MILLION_WRITE_REQUEST_UNITS, 1e6),
    line("DynamoDB read request units", all.rru, "RRU", PRICES.DYNAMODB_PER_MILLION_READ_REQUEST_UNITS, 1e6),
    line(
      `DynamoDB storage (${PROFILE.STORED_ITEMS.toLocaleString("en")} items × ${measured.averageItemBytes} B)`,
      dynamoGb,
      "GB-month",
      PRICES.DYNAMODB_STORAGE_PER_GB_MONTH,
      1,
    ),
    line("DynamoDB point-in-time recovery", dynamoGb, "GB-month", PRICES.DYNAMODB_PITR_PER_GB_MONTH, 1),
    line("Lambda requests", all.lambdaRequests, "requests", PRICES.LAMBDA_PER_MILLION_REQUESTS, 1e6),
    line("Lambda duration (arm64)", all.gbSeconds, "GB-s", PRICES.LAMBDA_ARM_PER_GB_SECOND, 1),
    line(`Lambda INIT (${PROFILE.COLD_START_SHARE * 100} % cold, ${coldStartMs} ms)`, all.initGbSeconds, "GB-s", PRICES.LAMBDA_ARM_PER_GB_SECOND, 1),
    line("API Gateway HTTP API", all.apiRequests, "requests", PRICES.HTTP_API_PER_MILLION_REQUESTS, 1e6),
    line("SES emails", all.emails, "emails", PRICES.SES_PER_THOUSAND_EMAILS, 1e3),
    line("SNS (SES events)", all.snsPublishes, "publishes", PRICES.SNS_PER_MILLION_PUBLISHES, 1e6),
    line("S3 Standard storage", STUDIO_PROFILE.storageGb, "GB-month", PRICES.S3_STANDARD_PER_GB_MONTH, 1),
    line("S3 PUT requests", all.s3Puts, "requests", PRICES.S3_PER_THOUSAND_PUT_REQUESTS, 1e3),
    line("S3 GET requests", all.s3Gets, "requests", PRICES.S3_PER_THOUSAND_GET_REQUESTS, 1e3),
    line("Data transfer out (downloads)", all.egressGb, "GB", PRICES.DATA_TRANSFER_OUT_PER_GB, 1),
    line("CloudFront requests (site)", all.cloudfrontRequests, "requests", PRICES.CLOUDFRONT_PER_TEN_THOUSAND_HTTPS_REQUESTS, 1e4),
    line("CloudFront data out (site)", all.cloudfrontGb, "GB", PRICES.CLOUDFRONT_DATA_OUT_PER_GB, 1),
    line("CloudWatch Logs ingestion", logsGb, "GB", PRICES.CLOUDWATCH_LOGS_INGESTION_PER_GB, 1),
  ];
  const totalUsd = lines.reduce((sum, l) => sum + l.usd, 0);
  const durationUsd = all.gbSeconds * PRICES.LAMBDA_ARM_PER_GB_SECOND;

  const month = input.month ?? (new Date().toISOString().slice(0, 7) as Month);
  const price = priceFor(month);
  const bill = usageBill(
    month,
    {
      activeStudents: STUDIO_PROFILE.students,
      lessonsHeld: STUDIO_PROFILE.lessons,
      emailsSent: STUDIO_PROFILE.emails,
      storageByteDays: STUDIO_PROFILE.storageGb * BYTES_PER_GB * daysInMonth(month),
    },
    price,
  );
  const revenue = bill.totalMinor / 100;
  const assumptions = Object.fromEntries(Object.entries(PROFILE).filter(([, v]) => typeof v === "number")) as Record<string, number>;
  return {
    generatedAt: new Date().toISOString(),
    pricesCheckedOn: PRICES.PRICES_CHECKED_ON,
    region: PRICES.PRICES_REGION,
    profile: STUDIO_PROFILE,
    assumptions,
    page,
    coldStartMs,
    measured,
    activities: activities.map((a) => {
      const rounded = Object.fromEntries(Object.keys(emptyUsage()).map((key) => [key, round(a[key as keyof Usage], 4)])) as unknown as Usage;
      return { ...a, ...rounded, usd: round(a.usd, 5) };
    }),
    lines: lines.map((l) => ({ ...l, quantity: round(l.quantity, 4), usd: round(l.usd, 5) })),
    totalUsd: round(totalUsd, 4),
    totalUsdSlowLambdas: round(totalUsd + 3 * durationUsd, 4),
    platform: { month, priceVersion: price.version, bill, totalUsd: revenue },
    infraShareOfRevenue: round(totalUsd / revenue, 5),
    goalShare: 0.05,
  };
}

// --- The printout ---

const usd = (value: number) => `$${value.toFixed(value >= 1 ? 2 : value >= 0.1 ? 3 : 4)}`;
const qty = (value: number) => (value >= 100 ? Math.round(value).toLocaleString("en") : value >= 1 ? value.toFixed(1) : value.toPrecision(2));

function table(header: string[], rows: string[][], leftColumns = 1): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i < leftColumns ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join("  ")
      .trimEnd();
  console.log(`  ${line(header)}`);
  console.log(`  ${widths.map((w) => "-".repeat(w)).join("  ")}`);
  for (const row of rows) console.log(`  ${line(row)}`);
}

export function printCostModel(m: CostModelResult): void {
  const p = m.profile;
  console.log(
    `A typical studio's month on AWS (${p.students} students, ${p.lessons} lessons, ${p.invoices} invoices, ${p.emails.toLocaleString("en")} emails, ${p.storageGb} GB of files)`,
  );
  console.log(
    `  measured here: ${Object.keys(m.measured.operations).length} operations (in-process, local engines), the stream consumers, the jobs; pages ${m.page.source} (${m.page.apiCalls} API calls, ${m.page.renderMs} ms render); assumptions: cost-profile.ts\n`,
  );
  table(
    ["activity", "per month", "Lambda inv.", "GB-s", "RRU", "WRU", "USD", "source"],
    m.activities.map((a) => [a.activity, qty(a.perMonth), qty(a.lambdaRequests), qty(a.gbSeconds), qty(a.rru), qty(a.wru), usd(a.usd), a.source]),
  );
  console.log();
  table(
    ["resource", "quantity", "unit", "unit price", "cost (USD)"],
    [
      ...m.lines.map((l) => [
        l.resource,
        qty(l.quantity),
        l.unit,
        `$${l.unitPriceUsd}${l.per === 1 ? "" : ` / ${l.per >= 1e6 ? `${l.per / 1e6}M` : l.per.toLocaleString("en")}`}`,
        usd(l.usd),
      ]),
      ["total", "", "", "", usd(m.totalUsd)],
    ],
    3,
  );
  const bill = m.platform.bill;
  const charged = bill.lines
    .filter((l) => l.amountMinor > 0)
    .map(
      (l) =>
        `${l.description} ${l.billable.toLocaleString("en")} × $${(l.unitPriceMinor / 100).toFixed(2)}${l.per === 1 ? "" : `/${l.per.toLocaleString("en")}`}`,
    )
    .join(" + ");
  console.log(`\n  AWS prices: ${m.region}, public on-demand, checked ${m.pricesCheckedOn}; no free tier`);
  console.log(`  Platform price for the profile (price list ${m.platform.priceVersion}): ${charged} = $${m.platform.totalUsd.toFixed(2)}`);
  console.log(
    `  Infrastructure: ${usd(m.totalUsd)} a month = ${(m.infraShareOfRevenue * 100).toFixed(2)} % of revenue (goal: under ${m.goalShare * 100} %)${m.infraShareOfRevenue < m.goalShare ? "" : "  OVER GOAL"}`,
  );
  console.log(
    `  With every Lambda 4× slower than here (512 MB is about 0.3 vCPU): ${usd(m.totalUsdSlowLambdas)} = ${((m.totalUsdSlowLambdas / m.platform.totalUsd) * 100).toFixed(2)} %`,
  );
}
