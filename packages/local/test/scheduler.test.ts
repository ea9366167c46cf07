import { afterEach, describe, expect, it, vi } from "vitest";
import { JOBS } from "@studiosync/functions/jobs";
import { nextRunAt, parseSchedule } from "../src/start/job-schedule";
import { startScheduler } from "../src/start/scheduler";
import type { SchedulerProbe } from "./fixtures/scheduler-job";

const at = (iso: string) => new Date(iso);

/**
 * Lets real I/O and promises proceed (setImmediate and performance are not faked) until `done()`,
 * without moving the fake clock: up to 10 s of real time, as a loaded machine may need for the
 * handler's import.
 */
async function until(done: () => boolean) {
  const deadline = performance.now() + 10_000;
  while (!done() && performance.now() < deadline) await new Promise((resolve) => setImmediate(resolve));
  expect(done()).toBe(true);
}

describe("parseSchedule / nextRunAt", () => {
  it("reads rate(N minutes|hours|days) and plans from the last run's start", () => {
    expect(parseSchedule("rate(15 minutes)")).toEqual({ kind: "rate", everyMs: 15 * 60_000 });
    expect(parseSchedule("rate(1 hour)")).toEqual({ kind: "rate", everyMs: 3_600_000 });
    expect(parseSchedule("rate(2 days)")).toEqual({ kind: "rate", everyMs: 2 * 86_400_000 });
    expect(nextRunAt(parseSchedule("rate(15 minutes)"), at("2026-11-22T10:00:30Z"))).toEqual(at("2026-11-22T10:15:30Z"));
  });

  it("reads cron(M H * * ? *) in UTC: later today, else tomorrow", () => {
    const daily = parseSchedule("cron(15 3 * * ? *)");
    expect(daily).toEqual({ kind: "cron", minute: 15, hour: 3 });
    expect(nextRunAt(daily, at("2026-11-22T01:00:00Z"))).toEqual(at("2026-11-22T03:15:00Z"));
    expect(nextRunAt(daily, at("2026-11-22T03:15:00Z"))).toEqual(at("2026-11-23T03:15:00Z"));
    expect(nextRunAt(daily, at("2026-12-31T23:59:59Z"))).toEqual(at("2027-01-01T03:15:00Z"));
    const hourly = parseSchedule("cron(5 * * * ? *)");
    expect(nextRunAt(hourly, at("2026-11-22T10:04:59Z"))).toEqual(at("2026-11-22T10:05:00Z"));
    expect(nextRunAt(hourly, at("2026-11-22T10:05:00Z"))).toEqual(at("2026-11-22T11:05:00Z"));
  });

  it("refuses what it cannot run, and can run every job of the schedule", () => {
    for (const bad of [
      "rate(0 minutes)",
      "rate(1 minutes)",
      "rate(5 minute)",
      "rate(5 weeks)",
      "cron(0 12 ? * MON-FRI *)",
      "cron(60 1 * * ? *)",
      "cron(0 24 * * ? *)",
      "every day",
    ]) {
      expect(() => parseSchedule(bad), bad).toThrow(/Unsupported schedule/);
    }
    for (const job of JOBS) expect(() => parseSchedule(job.schedule)).not.toThrow();
  });
});

describe("startScheduler", () => {
  afterEach(() => {
    vi.useRealTimers();
    delete (globalThis as { schedulerProbe?: SchedulerProbe }).schedulerProbe;
  });

  it("runs a job at start, then on schedule, never overlapping itself, until stopped", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
    const probe: SchedulerProbe = { calls: 0, release: [] };
    (globalThis as { schedulerProbe?: SchedulerProbe }).schedulerProbe = probe;
    const lines: string[] = [];
    const scheduler = startScheduler({
      jobs: [{ name: "Probe", handler: "packages/local/test/fixtures/scheduler-job.handler", schedule: "rate(1 minute)", description: "test" }],
      log: (line) => lines.push(line),
    });
    await until(() => probe.calls === 1);

    // Three intervals pass while the first run is still going: no second run starts.
    await vi.advanceTimersByTimeAsync(180_000);
    expect(probe.calls).toBe(1);
    probe.release.shift()!();
    // It overran its interval, so the next run follows at once.
    await until(() => probe.calls === 2 || vi.getTimerCount() > 0);
    await vi.advanceTimersByTimeAsync(0);
    await until(() => probe.calls === 2);
    expect(lines).toEqual(['[jobs] Probe done in 180.0 s {"call":1}']);

    probe.release.shift()!();
    await until(() => lines.length === 2);
    await vi.advanceTimersByTimeAsync(59_999);
    expect(probe.calls).toBe(2);
    await vi.advanceTimersByTimeAsync(1);
    await until(() => probe.calls === 3);

    const stopping = scheduler.stop();
    probe.release.shift()!();
    await stopping;
    await vi.advanceTimersByTimeAsync(600_000);
    expect(probe.calls).toBe(3);
    expect(lines).toHaveLength(3);
  });
});
