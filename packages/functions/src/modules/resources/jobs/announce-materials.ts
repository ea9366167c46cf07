import "../../../bound-env";
import * as Resources from "@studiosync/core/resources";
import { systemClock, type Clock } from "@studiosync/core/kernel";

/**
 * EventBridge (daily) → the "New material from your teacher" job: yesterday's (and any missed
 * day's) shares, one email per recipient per day; safe to run twice. `announceMaterials(clock)` is
 * the job at another time (tests); `handler` runs at the real time.
 */
export const announceMaterials =
  (clock: Clock = systemClock) =>
  async () =>
    Resources.announceMaterials({ now: clock() });

export const handler = announceMaterials();
