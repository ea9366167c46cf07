/** Something a `vitest run` starts once, whatever number of its projects ask for it. */
export interface RunResource {
  stop(): Promise<void>;
}

type Entry = { started: Promise<RunResource>; users: number };
const registry = globalThis as unknown as Record<symbol, Entry | undefined>;

/**
 * Vitest calls a project's global setup once per project that runs, all in the main process:
 * the first project to ask for `name` starts it, the others share it, and the last one to finish
 * stops it. Returns the resource and the teardown the global setup hands back to vitest.
 */
export async function sharedForRun<T extends RunResource>(name: string, start: () => Promise<T>): Promise<{ resource: T; release: () => Promise<void> }> {
  const key = Symbol.for(`studiosync.test.${name}`);
  const entry = (registry[key] ??= { started: start(), users: 0 });
  entry.users += 1;
  const resource = (await entry.started) as T;
  return {
    resource,
    release: async () => {
      entry.users -= 1;
      if (entry.users > 0) return;
      delete registry[key];
      await resource.stop();
    },
  };
}
