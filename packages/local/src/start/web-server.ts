import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { LOCAL_HOST } from "../engines/free-port";
import { WEB_SERVER_ENTRY } from "./web-build";

export interface WebServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * The built site's standalone Node server as a child process: exactly what users get (no Vite
 * client, Astro's own origin check). `setpriv` makes the kernel kill it if this process dies first.
 */
export async function startWebServer(port: number, apiUrl: string, env: NodeJS.ProcessEnv = process.env): Promise<WebServer> {
  const url = `http://${LOCAL_HOST}:${port}`;
  const node = [process.execPath, WEB_SERVER_ENTRY];
  const [command, ...args] = hasSetpriv() ? ["setpriv", "--pdeathsig", "KILL", ...node] : node;
  const child = spawn(command!, args, {
    env: { ...env, HOST: LOCAL_HOST, PORT: String(port), API_URL: apiUrl },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  child.stdout?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => {
    output.push(chunk.toString());
    if (env.WEB_SERVER_LOG !== "quiet") process.stderr.write(chunk);
  });
  try {
    await waitUntilServing(url, child);
  } catch (error) {
    await stopChild(child);
    throw new Error(`The web server did not start: ${(error as Error).message}\n${output.join("")}`);
  }
  return { url, stop: () => stopChild(child) };
}

async function waitUntilServing(url: string, child: ChildProcess, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`it exited (${child.exitCode ?? child.signalCode})`);
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`no answer from ${url} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}

let setprivAvailable: boolean | undefined;
function hasSetpriv(): boolean {
  setprivAvailable ??= process.platform === "linux" && spawnSync("setpriv", ["--version"]).status === 0;
  return setprivAvailable;
}
