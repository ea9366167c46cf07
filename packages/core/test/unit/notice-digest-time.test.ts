import { describe, expect, it } from "vitest";
import { nextDigestAt } from "../../src/notifications/record-notices";

describe("nextDigestAt", () => {
  it("is 18:00 in the studio's zone, today until then and tomorrow after", () => {
    expect(nextDigestAt(new Date("2026-12-04T09:00:00Z"), "Europe/London").toISOString()).toBe("2026-12-04T18:00:00.000Z");
    expect(nextDigestAt(new Date("2026-12-04T18:00:00Z"), "Europe/London").toISOString()).toBe("2026-12-05T18:00:00.000Z");
    // 18:30 in New York on the 4th: the next is the 5th's.
    expect(nextDigestAt(new Date("2026-12-04T23:30:00Z"), "America/New_York").toISOString()).toBe("2026-12-05T23:00:00.000Z");
  });

  it("stays at 18:00 local across a DST change", () => {
    // London springs forward on 29 March 2026: 18:00 is 17:00 UTC from then on.
    expect(nextDigestAt(new Date("2026-03-28T19:00:00Z"), "Europe/London").toISOString()).toBe("2026-03-29T17:00:00.000Z");
    // New York falls back on 1 November 2026: 18:00 is 23:00 UTC from then on (22:00 before).
    expect(nextDigestAt(new Date("2026-10-31T12:00:00Z"), "America/New_York").toISOString()).toBe("2026-10-31T22:00:00.000Z");
    expect(nextDigestAt(new Date("2026-10-31T23:00:00Z"), "America/New_York").toISOString()).toBe("2026-11-01T23:00:00.000Z");
  });
});
