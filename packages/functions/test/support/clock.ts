import { fixedClock } from "@studiosync/core/kernel";
import { createApp } from "../../src/app";

/**
 * The app with its clock standing still in the middle of the current `windowMs`-long window:
 * rate limits count in fixed windows, and a run of attempts must not straddle two of them,
 * whatever the wall clock says. Pass it as `api(…, { app })`.
 */
export function appInMidWindow(windowMs: number) {
  const windowStart = Math.floor(Date.now() / windowMs) * windowMs;
  return createApp({ clock: fixedClock(windowStart + windowMs / 2) });
}
