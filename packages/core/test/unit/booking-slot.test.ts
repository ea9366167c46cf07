import { describe, expect, it } from "vitest";
import { overlaps, resourcesOf, roomKeyOf, utcDays } from "../../src/scheduling/bookings/booking-slot";

const at = (time: string) => `2026-11-23T${time}:00.000Z`;

describe("booking slots", () => {
  it("overlap only when they share time, counting the buffer", () => {
    const a = { lessonId: "a", start: at("15:00"), end: at("16:00") };
    expect(overlaps(a, { lessonId: "b", start: at("16:00"), end: at("16:30") }, 0)).toBe(false);
    expect(overlaps(a, { lessonId: "b", start: at("16:10"), end: at("16:30") }, 15)).toBe(true);
    expect(overlaps(a, { lessonId: "b", start: at("16:15"), end: at("16:30") }, 15)).toBe(false);
    expect(overlaps(a, { lessonId: "b", start: at("14:30"), end: at("14:50") }, 15)).toBe(true);
  });

  it("are kept in every UTC day they touch (end exclusive)", () => {
    expect(utcDays(at("23:30"), "2026-11-24T00:30:00.000Z")).toEqual(["2026-11-23", "2026-11-24"]);
    expect(utcDays(at("23:00"), "2026-11-24T00:00:00.000Z")).toEqual(["2026-11-23"]);
  });

  it("hold the teacher, each student and the room (one room, however it is typed)", () => {
    const slot = {
      lessonId: "l",
      start: at("10:00"),
      end: at("11:00"),
      teacherId: "t",
      studentIds: ["s1", "s2", "s1"],
      roomKey: roomKeyOf("  Blue   Room "),
      teacherBufferMinutes: 10,
    };
    expect(resourcesOf(slot)).toEqual([
      { resourceType: "teacher", resourceId: "t", bufferMinutes: 10 },
      { resourceType: "student", resourceId: "s1", bufferMinutes: 0 },
      { resourceType: "student", resourceId: "s2", bufferMinutes: 0 },
      { resourceType: "room", resourceId: "blue room", bufferMinutes: 0 },
    ]);
    expect(resourcesOf({ ...slot, roomKey: roomKeyOf(undefined) })).toHaveLength(3);
  });
});
