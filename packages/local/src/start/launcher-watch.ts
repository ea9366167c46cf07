import { readFileSync } from "node:fs";

/**
 * `npm start` runs npm → sh → tsx → this process. A SIGKILLed (or SIGTERMed) npm or tsx cannot
 * forward the signal, so the launcher processes are polled and `onGone` runs when one of them
 * is gone. Without /proc (not Linux) only the direct parent is watched.
 */
export function watchLaunchers(onGone: () => void, intervalMs = 500): void {
  const launchers = launcherChain();
  const originalParent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid !== originalParent || launchers.some((pid) => !isAlive(pid))) {
      clearInterval(timer);
      onGone();
    }
  }, intervalMs);
  timer.unref();
}

/** Our ancestors up to the first one that is not part of the launch (the user's shell, init). */
function launcherChain(): number[] {
  const chain: number[] = [];
  let pid = process.ppid;
  while (pid > 1 && chain.length < 5) {
    const cmdline = read(`/proc/${pid}/cmdline`)?.replaceAll("\0", " ");
    if (!cmdline || !/\b(tsx|npm|npx)\b|npm-cli|start\.ts/.test(cmdline)) break;
    chain.push(pid);
    pid = parentOf(pid) ?? 0;
  }
  return chain;
}

function isAlive(pid: number): boolean {
  const stat = read(`/proc/${pid}/stat`);
  if (stat === undefined) return false;
  const state = stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3);
  return state !== "Z" && state !== "X";
}

function parentOf(pid: number): number | undefined {
  const stat = read(`/proc/${pid}/stat`);
  const ppid = stat?.slice(stat.lastIndexOf(")") + 2).split(" ")[1];
  return ppid ? Number(ppid) : undefined;
}

function read(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}
