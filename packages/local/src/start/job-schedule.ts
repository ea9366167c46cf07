/**
 * The subset of EventBridge schedule expressions the jobs use, for the local scheduler:
 * `rate(N minute|minutes|hour|hours|day|days)` and `cron(M H * * ? *)` (UTC; H may be `*`
 * for every hour). Anything else is refused, so a new job cannot silently never run locally.
 */
export type JobSchedule = { kind: "rate"; everyMs: number } | { kind: "cron"; minute: number; hour: number | "*" };

const UNIT_MS: Record<string, number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };

export function parseSchedule(expression: string): JobSchedule {
  const rate = /^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$/.exec(expression.trim());
  if (rate) {
    const count = Number(rate[1]);
    const unit = rate[2]!.replace(/s$/, "");
    if (count < 1 || (count === 1) !== (unit === rate[2])) throw new Error(`Unsupported schedule "${expression}": use rate(1 ${unit}) or rate(N ${unit}s)`);
    return { kind: "rate", everyMs: count * UNIT_MS[unit]! };
  }
  const cron = /^cron\((\d{1,2}) (\d{1,2}|\*) [*?] \* [*?] \*\)$/.exec(expression.trim());
  if (cron) {
    const minute = Number(cron[1]);
    const hour = cron[2] === "*" ? "*" : Number(cron[2]);
    if (minute > 59 || (hour !== "*" && hour > 23)) throw new Error(`Unsupported schedule "${expression}": minute 0–59, hour 0–23`);
    return { kind: "cron", minute, hour };
  }
  throw new Error(`Unsupported schedule "${expression}": the local scheduler runs rate(N minutes|hours|days) and cron(M H * * ? *)`);
}

/** When a job runs next, after a run that started at `lastStart` (rate) or after `after` (cron, UTC). */
export function nextRunAt(schedule: JobSchedule, lastStart: Date, after: Date = lastStart): Date {
  if (schedule.kind === "rate") return new Date(lastStart.getTime() + schedule.everyMs);
  const next = new Date(after.getTime());
  next.setUTCSeconds(0, 0);
  next.setUTCMinutes(schedule.minute);
  if (schedule.hour === "*") {
    if (next <= after) next.setUTCHours(next.getUTCHours() + 1);
    return next;
  }
  next.setUTCHours(schedule.hour);
  if (next <= after) next.setUTCDate(next.getUTCDate() + 1);
  return next;
}
