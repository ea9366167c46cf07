import "../../../bound-env";
import * as Resources from "@studiosync/core/resources";
import { systemClock, type Clock } from "@studiosync/core/kernel";

/**
 * EventBridge (daily) → the trash purge: resources whose 30 days in the trash are over are deleted
 * for good with their files; safe to run twice. `purgeTrash(clock)` is the job at another time (tests).
 */
export const purgeTrash =
  (clock: Clock = systemClock) =>
  async () =>
    Resources.purgeTrash({ now: clock() });

export const handler = purgeTrash();
