import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { JOBS, OUTBOX_RETRY_JOB, type JobDefinition } from "@studiosync/functions/jobs";
import { REPO_ROOT } from "../paths";
import { nextRunAt, parseSchedule } from "./job-schedule";

export interface Scheduler {
  stop(): Promise<void>;
}

type Handler = () => Promise<unknown>;

/** "packages/functions/src/jobs/x.handler" → the module's `handler` export (imported as TypeScript under tsx). */
async function loadHandler(job: JobDefinition): Promise<Handler> {
  const dot = job.handler.lastIndexOf(".");
  const file = join(REPO_ROOT, `${job.handler.slice(0, dot)}.ts`);
  const exported = (await import(pathToFileURL(file).href))[job.handler.slice(dot + 1)];
  if (typeof exported !== "function") throw new Error(`${job.handler} does not export a function`);
  return exported as Handler;
}

const summaryOf = (result: unknown) => (result === undefined ? "" : ` ${JSON.stringify(result).slice(0, 300)}`);

/**
 * The jobs the modules declare (packages/functions/src/jobs/schedule.ts) inside `npm start`: each handler runs once
 * at start and then on its schedule (the same EventBridge expressions, in UTC), one log line per
 * run. A job's next run is planned only when its current run has ended, so runs of one job never
 * overlap (a run that overruns its interval is followed at once by the next). `stop()` cancels
 * what is planned and waits for runs in progress.
 */
export function startScheduler(options: { jobs?: JobDefinition[]; log?: (line: string) => void } = {}): Scheduler {
  const log = options.log ?? ((line: string) => console.log(line));
  const jobs = options.jobs ?? [...JOBS, OUTBOX_RETRY_JOB];
  const schedules = jobs.map((job) => ({ job, schedule: parseSchedule(job.schedule) }));
  const timers = new Set<NodeJS.Timeout>();
  const running = new Set<Promise<void>>();
  let stopped = false;

  const run = async (job: JobDefinition, schedule: ReturnType<typeof parseSchedule>) => {
    const started = new Date();
    try {
      const result = await (await loadHandler(job))();
      log(`[jobs] ${job.name} done in ${((Date.now() - started.getTime()) / 1000).toFixed(1)} s${summaryOf(result)}`);
    } catch (error) {
      log(`[jobs] ${job.name} failed after ${((Date.now() - started.getTime()) / 1000).toFixed(1)} s: ${(error as Error).message}`);
    }
    planAt(nextRunAt(schedule, started, new Date()), () => track(job, schedule));
  };
  // setTimeout waits at most ~24.8 days; longer waits are taken in steps.
  const planAt = (at: Date, then: () => void) => {
    if (stopped) return;
    const wait = at.getTime() - Date.now();
    const timer = setTimeout(
      () => {
        timers.delete(timer);
        if (Date.now() < at.getTime()) planAt(at, then);
        else then();
      },
      Math.min(Math.max(0, wait), 2 ** 31 - 1),
    );
    timer.unref();
    timers.add(timer);
  };
  const track = (job: JobDefinition, schedule: ReturnType<typeof parseSchedule>) => {
    if (stopped) return;
    const current = run(job, schedule).finally(() => running.delete(current));
    running.add(current);
  };

  for (const { job, schedule } of schedules) track(job, schedule);
  return {
    async stop() {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await Promise.allSettled([...running]);
    },
  };
}
