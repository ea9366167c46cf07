import { defineConfig } from "vitest/config";

/** The local engines (DynamoDB Local, s3rver, SES local, Stripe emulator), started once per run. */
const ENGINES = "packages/local/src/test/engines-setup.ts";
/** A scratch folder shared by the run's test files. */
const RUN_DIR = "packages/local/src/test/run-dir-setup.ts";
/** Points core at the run's engines before every test file. */
const ENGINE_ENV = "packages/local/src/test/setup-env.ts";

const UNIT = ["packages/*/test/unit/**/*.test.ts", "web/test/unit/**/*.test.ts"];
const EXCLUDE = ["**/node_modules/**", "**/.sst/**", "**/dist/**"];

export default defineConfig({
  test: {
    exclude: EXCLUDE,
    env: {
      STAGE: "test",
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
      ASTRO_TELEMETRY_DISABLED: "1",
      SST_TELEMETRY_DISABLED: "1",
      // Test-only: webhook deliveries may reach the tests' receivers on 127.0.0.1 (core/webhooks/public-address.ts).
      STUDIOSYNC_WEBHOOKS_ALLOW_LOOPBACK: "1",
    },
    // Long enough for a mail wait (mailbox.ts: up to 60 s on a loaded box) inside a test's own steps.
    testTimeout: 90_000,
    hookTimeout: 120_000,
    // Child processes, not threads: CDK synth and Astro are heavy and leak globals. Two workers
    // fit a 2-core CI box next to the DynamoDB Local JVM (and Chromium in the browser tests).
    pool: "forks",
    maxWorkers: 2,
    fileParallelism: true,
    // One layer per project; a project's global setup runs only when the project does, so
    // `vitest run --project unit` (or infra) starts no engine and needs no Java. The engines are
    // started once per run and shared by the projects that ask for them (engines-setup.ts).
    // A worker runs file after file without re-importing the app, the AWS SDK and Playwright
    // for each (isolate: false; minutes of a run): setup-env.ts re-points the environment before
    // every file, and no file mocks modules or keeps state in them.
    projects: [
      {
        extends: true,
        // Pure functions: domain rules, the site's helpers, the Lambda route table. Core reads its
        // names from the environment (config.ts) even where nothing is called.
        test: { name: "unit", include: UNIT, isolate: false, env: { TABLE_NAME: "studiosync-unit", BUCKET_NAME: "studiosync-unit" } },
      },
      {
        extends: true,
        // Every route through the real Hono app, the jobs and the local runtime, on the engines.
        // Test files isolate themselves with their own table or studios.
        test: {
          name: "integration",
          include: ["packages/functions/test/**/*.test.ts", "packages/local/test/**/*.test.ts", "packages/scripts/test/**/*.test.ts"],
          exclude: [...EXCLUDE, ...UNIT],
          globalSetup: [ENGINES],
          setupFiles: [ENGINE_ENV],
          isolate: false,
        },
      },
      {
        extends: true,
        // CDK synth keeps per-process state (SST's project and deferred tasks): a process each.
        test: { name: "infra", include: ["stacks/test/**/*.test.ts"], globalSetup: [RUN_DIR], isolate: true },
      },
      {
        extends: true,
        // Chromium against the built site (`npm run build:web`) and the API on the engines.
        test: {
          name: "browser",
          include: ["web/test/**/*.test.ts"],
          exclude: [...EXCLUDE, ...UNIT],
          globalSetup: [ENGINES],
          setupFiles: [ENGINE_ENV],
          isolate: false,
        },
      },
    ],
  },
});
