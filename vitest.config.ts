import { defineConfig } from "vitest/config";

const API_AND_SITE = ["packages/**/test/**/*.test.ts", "web/test/**/*.test.ts"];
const INFRA = ["stacks/test/**/*.test.ts"];

export default defineConfig({
  test: {
    exclude: ["**/node_modules/**", "**/.sst/**", "**/dist/**"],
    // One set of local engines per run (DynamoDB Local, s3rver, SES local), shared by both
    // projects; workers read the endpoints in setup-env.ts. Test files isolate themselves with
    // their own table or studios.
    globalSetup: ["packages/local/src/test/global-setup.ts"],
    setupFiles: ["packages/local/src/test/setup-env.ts"],
    env: {
      STAGE: "test",
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
      ASTRO_TELEMETRY_DISABLED: "1",
      SST_TELEMETRY_DISABLED: "1",
    },
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Child processes, not threads: CDK synth and Astro are heavy and leak globals. Two workers
    // fit a 2-core CI box next to the DynamoDB Local JVM (and Chromium in the browser tests).
    pool: "forks",
    maxWorkers: 2,
    fileParallelism: true,
    projects: [
      {
        extends: true,
        // A worker runs file after file without re-importing the app, the AWS SDK and Playwright
        // for each (minutes of a run). setup-env.ts re-points the environment before every file,
        // and no file mocks modules or keeps state in them.
        test: { name: "app", include: API_AND_SITE, isolate: false },
      },
      {
        extends: true,
        // CDK synth keeps per-process state (SST's project and deferred tasks): a process each.
        test: { name: "infra", include: INFRA, isolate: true },
      },
    ],
  },
});
