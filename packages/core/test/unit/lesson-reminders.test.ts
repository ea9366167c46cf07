import { describe, expect, it } from "vitest";
import { addHours, hourOf } from "../../src/scheduling/reminders/reminder-hours";
import { reminderRecipients } from "../../src/scheduling/reminders/reminder-recipients";
import { localWhen } from "../../src/scheduling/reminders/reminder-email";

describe("reminder hour buckets", () => {
  it("are UTC hours that sort as strings and step across days", () => {
    expect(hourOf(new Date("2026-11-22T15:59:59.999Z"))).toBe("2026-11-22T15");
    expect(addHours("2026-12-31T23", 1)).toBe("2027-01-01T00");
    expect(addHours("2026-03-01T00", -48)).toBe("2026-02-27T00");
    expect("2026-11-22T09" < "2026-11-22T10").toBe(true);
  });
});

describe("reminderRecipients", () => {
  const g = (familyId: string, guardianId: string, rest: { firstName: string; email?: string; deletedAt?: string }) => ({ familyId, guardianId, ...rest });
  const guardians: Record<string, ReturnType<typeof g>[]> = {
    f1: [
      g("f1", "g1", { firstName: "Maria", email: "Maria@Example.test" }),
      g("f1", "g2", { firstName: "Jon" }),
      g("f1", "g3", { firstName: "Gone", email: "gone@example.test", deletedAt: "2026-01-01" }),
    ],
    f2: [g("f2", "g4", { firstName: "Maria", email: "maria@example.test " })],
  };
  it("takes students with an email and each family's guardians with one, every address once", () => {
    const recipients = reminderRecipients(
      [
        { studentId: "s1", firstName: "Sam", email: "sam@example.test", familyId: "f1" },
        { studentId: "s2", firstName: "Bo", familyId: "f2" },
        { studentId: "s3", firstName: "Ex", email: "ex@example.test", deletedAt: "2026-01-01" },
        { studentId: "s4", firstName: "Solo" },
      ],
      (familyId) => guardians[familyId] ?? [],
    );
    expect(recipients).toEqual([
      { email: "sam@example.test", key: "sam@example.test", firstName: "Sam", party: "student:s1" },
      { email: "Maria@Example.test", key: "maria@example.test", firstName: "Maria", party: "guardian:f1:g1" },
    ]);
  });
});

describe("localWhen", () => {
  it("shows the studio's wall clock with the zone's abbreviation and name, on both sides of a DST change", () => {
    expect(localWhen("2026-03-06T21:00:00.000Z", "2026-03-06T21:45:00.000Z", "America/New_York")).toEqual({
      when: "Friday, March 6, 2026, 4:00 PM – 4:45 PM EST (America/New_York)",
      shortWhen: "Fri, Mar 6 at 4:00 PM EST",
    });
    expect(localWhen("2026-03-13T20:00:00.000Z", "2026-03-13T20:45:00.000Z", "America/New_York").when).toBe(
      "Friday, March 13, 2026, 4:00 PM – 4:45 PM EDT (America/New_York)",
    );
    expect(localWhen("2026-07-01T15:00:00.000Z", "2026-07-01T16:00:00.000Z", "Europe/London").when).toBe(
      "Wednesday, July 1, 2026, 4:00 PM – 5:00 PM BST (Europe/London)",
    );
  });
});
