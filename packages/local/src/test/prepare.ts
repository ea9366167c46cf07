import { spawn } from "node:child_process";

/**
 * What `npm test` does before vitest: type-check the API and its typed client (tsc), type-check
 * the site's pages (astro check), and build the site the browser tests load. tsc and astro check
 * each keep one core busy for minutes, so they run side by side in two lanes; the build follows
 * tsc in the first lane (it never runs next to astro check, which syncs the same `.astro/`
 * types). Every lane's lines are prefixed with its name; the exit code is non-zero if any step
 * failed.
 */
const LANES: { name: string; steps: string[] }[] = [
  { name: "api", steps: ["typecheck:api", "build:web"] },
  { name: "web", steps: ["typecheck:web"] },
];

function run(lane: string, script: string): Promise<boolean> {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn("npm", ["run", "--silent", script], { stdio: ["ignore", "pipe", "pipe"], env: process.env });
    const prefix = `[${lane}] `;
    const relay = (to: NodeJS.WriteStream) => {
      let rest = "";
      return (chunk: Buffer) => {
        const lines = (rest + chunk.toString()).split("\n");
        rest = lines.pop() ?? "";
        for (const line of lines) to.write(prefix + line + "\n");
      };
    };
    child.stdout.on("data", relay(process.stdout));
    child.stderr.on("data", relay(process.stderr));
    child.on("close", (code) => {
      const seconds = Math.round((Date.now() - started) / 1000);
      console.log(`${prefix}npm run ${script}: ${code === 0 ? "ok" : `failed (exit ${code})`} in ${seconds} s`);
      resolve(code === 0);
    });
  });
}

async function runLane(lane: (typeof LANES)[number]): Promise<boolean> {
  for (const step of lane.steps) if (!(await run(lane.name, step))) return false;
  return true;
}

const results = await Promise.all(LANES.map(runLane));
if (results.includes(false)) process.exit(1);
