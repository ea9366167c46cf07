import { watchLaunchers } from "./launcher-watch";

/**
 * Stops what `npm start` started, in reverse order, on Ctrl-C, SIGTERM, SIGHUP or when npm/tsx
 * die without forwarding a signal. The JVM additionally dies with this process by itself
 * (setpriv --pdeathsig), whatever kills it.
 */
type Stopper = { name: string; stop: () => Promise<void> };

const stoppers: Stopper[] = [];
let shutdownStartedAt: number | undefined;

export function onShutdown(name: string, stop: () => Promise<void>): void {
  stoppers.push({ name, stop });
}

export async function shutdown(reason: string, exitCode = 0): Promise<never> {
  if (shutdownStartedAt !== undefined) {
    // Ctrl-C reaches us twice (from the terminal and relayed by tsx); only a later one forces.
    if (Date.now() - shutdownStartedAt > 2_000) process.exit(exitCode || 1);
    return new Promise<never>(() => {});
  }
  shutdownStartedAt = Date.now();
  console.log(`\nStopping (${reason})…`);
  const force = setTimeout(() => process.exit(exitCode || 1), 10_000);
  force.unref();
  for (const { name, stop } of stoppers.reverse()) {
    await stop().catch((error) => console.error(`Could not stop ${name}:`, error));
  }
  process.exit(exitCode);
}

export function installShutdownHandlers(): void {
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => void shutdown(signal));
  }
  watchLaunchers(() => void shutdown("npm/tsx exited", 1));
}
