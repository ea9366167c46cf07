import { mkdirSync, rmSync } from "node:fs";
import { applyLocalEnv, ensureTableAndBucket, startEngines } from "./engines/index";
import { preferredOrFreePort } from "./engines/free-port";
import { DATA_DIR } from "./paths";
import { startApiServer } from "./start/api-server";
import { startScheduler } from "./start/scheduler";
import { loadOrCreateAppSecret } from "./start/app-secret";
import { printBanner } from "./start/banner";
import { installShutdownHandlers, onShutdown, shutdown } from "./start/lifecycle";
import { startWebDev } from "./start/web-dev";
import { ensureWebBuild } from "./start/web-build";
import { startWebServer } from "./start/web-server";
import { seedDemo } from "./seed-demo";
import { runMigrations } from "@studiosync/scripts";
import { startStreamPoller } from "./outbox/stream-poller";
import { startInboundSmtp } from "./inbound/smtp-inbound";
import { startSesEventRelay } from "./outbox/ses-event-relay";

/**
 * `npm start` (`-- --fresh` wipes .data first): the whole product offline. DynamoDB Local,
 * s3rver, SES local and the Stripe emulator keep their data in .data/; the API runs here and the
 * site's production build beside it (`npm run dev`: the Astro dev server instead).
 */
const DEV = process.argv.includes("--dev");
const LOCAL_NAMES = { tableName: "studiosync-local", bucketName: "studiosync-local" };

async function main(): Promise<void> {
  installShutdownHandlers();
  if (process.argv.includes("--fresh")) rmSync(DATA_DIR, { recursive: true, force: true });
  mkdirSync(DATA_DIR, { recursive: true });

  const [apiPort, webPort, sesPort, stripePort, smtpPort] = [
    await preferredOrFreePort(3000),
    await preferredOrFreePort(4321),
    await preferredOrFreePort(8005),
    // stripe-mock's port, so a restart keeps the emulator's checkout URLs working.
    await preferredOrFreePort(12111),
    await preferredOrFreePort(2525),
  ];
  console.log("Starting DynamoDB Local, s3rver, SES local and the Stripe emulator…");
  const engines = await startEngines({ dataDir: DATA_DIR, sesPort, stripePort });
  onShutdown("local engines", engines.stop);

  const localEnv = {
    stage: "local" as const,
    ...LOCAL_NAMES,
    appSecret: loadOrCreateAppSecret(DATA_DIR),
    webUrl: `http://127.0.0.1:${webPort}`,
    dynamodbEndpoint: engines.dynamodbEndpoint,
    s3Endpoint: engines.s3Endpoint,
    sesEndpoint: engines.sesEndpoint,
    stripeApiBase: engines.stripeApiBase,
  };
  applyLocalEnv(localEnv);
  // On this laptop only: webhooks may reach a receiver you run on 127.0.0.1 (never another private
  // address, and never on Lambda: core/webhooks/public-address.ts).
  process.env.STUDIOSYNC_WEBHOOKS_ALLOW_LOOPBACK = "1";
  await ensureTableAndBucket(localEnv);
  // Data older code wrote is brought up to date before anything reads it (packages/scripts): one
  // Query when nothing is pending, a line per migration applied.
  await runMigrations();
  // The outbox consumer, fed by DynamoDB Local's stream as Lambda is by the table's stream on AWS.
  const outbox = await startStreamPoller({ dynamodbEndpoint: engines.dynamodbEndpoint, tableName: localEnv.tableName });
  onShutdown("outbox stream poller", outbox.stop);
  // Bounces and complaints of SES's mailbox simulator addresses, as SNS delivers them on AWS.
  onShutdown("SES event relay", startSesEventRelay().stop);
  // Replies by email, as SES receiving takes them for the reply domain on AWS.
  const inbound = await startInboundSmtp({ port: smtpPort });
  onShutdown("inbound SMTP server", inbound.stop);
  const seedStarted = Date.now();
  const seed = await seedDemo(`http://127.0.0.1:${apiPort}`);
  if (seed.created) console.log(`Seeded the demo studio in ${((Date.now() - seedStarted) / 1000).toFixed(1)} s.`);

  const api = await startApiServer(apiPort);
  onShutdown("API server", api.close);
  process.env.API_URL = api.url;
  onShutdown("job scheduler", startScheduler().stop);

  let webUrl = localEnv.webUrl;
  let webError: string | undefined;
  try {
    const web = await startSite(webPort, api.url);
    if (web.url !== webUrl) applyLocalEnv({ ...localEnv, webUrl: (webUrl = web.url) });
  } catch (error) {
    webError = (error as Error).message;
    console.error("The site did not start:", error);
  }

  printBanner({
    webUrl,
    apiUrl: api.url,
    sesEndpoint: engines.sesEndpoint,
    stripeApiBase: engines.stripeApiBase,
    inboundSmtpPort: inbound.port,
    dataDir: DATA_DIR,
    studioUrlPath: seed.studioUrlPath,
    ownerEmail: seed.ownerEmail,
    ownerPassword: seed.ownerPassword,
    teacherEmail: seed.teacherEmail,
    teacherPassword: seed.teacherPassword,
    parentEmail: seed.parentEmail,
    parentPassword: seed.parentPassword,
    operatorEmail: seed.operatorEmail,
    operatorPassword: seed.operatorPassword,
    dynamodbEndpoint: engines.dynamodbEndpoint,
    tableName: localEnv.tableName,
    seeded: seed.created,
    webError,
  });
}

/**
 * `npm start` serves the production build of the site (built here when a source changed);
 * `npm run dev` (`--dev`) runs the Astro dev server with hot reload instead.
 */
async function startSite(port: number, apiUrl: string) {
  if (DEV) {
    console.log("Starting the Astro dev server for web/ (hot reload)…");
    const web = await startWebDev(port);
    onShutdown("Astro dev server", web.stop);
    return web;
  }
  await ensureWebBuild((line) => console.log(line));
  const web = await startWebServer(port, apiUrl);
  onShutdown("site server", web.stop);
  return web;
}

main().catch(async (error) => {
  console.error("npm start failed:", error);
  await shutdown("startup failed", 1);
});
