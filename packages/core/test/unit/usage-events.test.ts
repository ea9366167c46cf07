import { describe, expect, it } from "vitest";
import { usageEventsOf, type UsageStreamRecord } from "../../src/metering";

const lesson = (fields: { status?: string; start?: string; students?: string[] }) => ({
  __edb_e__: { S: "lesson" },
  studioId: { S: "S1" },
  lessonId: { S: "L1" },
  scheduledStart: { S: fields.start ?? "2027-02-02T15:00:00.000Z" },
  status: { S: fields.status ?? "scheduled" },
  studentIds: { L: (fields.students ?? ["a"]).map((id) => ({ S: id })) },
});
const change = (prev: ReturnType<typeof lesson> | undefined, next: ReturnType<typeof lesson>): UsageStreamRecord => ({
  eventName: prev ? "MODIFY" : "INSERT",
  dynamodb: { NewImage: next, ...(prev ? { OldImage: prev } : {}) },
});
const metrics = (record: UsageStreamRecord) => usageEventsOf(record).map((e) => `${e.metric}:${e.key}`);

describe("the usage events of a stream record", () => {
  it("makes a lesson's students active once, and only the ones a change adds or moves", () => {
    expect(metrics(change(undefined, lesson({ students: ["a", "b"] })))).toEqual(["activeStudents:a", "activeStudents:b"]);
    expect(metrics(change(lesson({ students: ["a"] }), lesson({ students: ["a", "b"] })))).toEqual(["activeStudents:b"]);
    // Moved to another day (perhaps another month): counted again, the mark decides.
    expect(metrics(change(lesson({}), lesson({ start: "2027-03-01T15:00:00.000Z" })))).toEqual(["activeStudents:a"]);
    // Cancelled lessons make nobody active; one brought back counts again.
    expect(metrics(change(undefined, lesson({ status: "cancelled" })))).toEqual([]);
    expect(metrics(change(lesson({ status: "cancelled" }), lesson({})))).toEqual(["activeStudents:a"]);
  });

  it("counts a lesson held when it becomes completed, and mail when it becomes sent", () => {
    expect(metrics(change(lesson({ status: "in_progress" }), lesson({ status: "completed" })))).toEqual(["lessonsHeld:L1"]);
    expect(metrics(change(lesson({ status: "completed" }), lesson({ status: "completed" })))).toEqual([]);
    const mail = (status: string) => ({
      __edb_e__: { S: "outboxMessage" },
      scope: { S: "S1" },
      messageId: { S: "m1" },
      status: { S: status },
      sentAt: { S: "2027-02-02T15:00:00.000Z" },
    });
    expect(metrics({ eventName: "MODIFY", dynamodb: { OldImage: mail("sending"), NewImage: mail("sent") } })).toEqual(["emailsSent:m1"]);
    expect(metrics({ eventName: "MODIFY", dynamodb: { OldImage: mail("sent"), NewImage: mail("sent") } })).toEqual([]);
    expect(metrics({ eventName: "REMOVE", dynamodb: { OldImage: mail("sent") } })).toEqual([]);
  });
});
