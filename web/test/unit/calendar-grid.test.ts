import { describe, expect, it } from "vitest";
import { contrast } from "@studiosync/core/kernel";
import { daysOf, filterFromShow, hoursOf, layoutDay, readCalendarParams, TEACHER_COLOURS, teacherColour, windowOf } from "../../src/lib/calendar";
import { outcomeSentence } from "../../src/lib/lesson-page";

const lesson = (id: string, date: string, startTime: string, durationMinutes: number) => ({ id, durationMinutes, local: { date, startTime, endTime: "" } });

describe("the calendar grid", () => {
  it("gives every teacher colour text that reads at WCAG AA (4.5:1), and the same colour for the same teacher", () => {
    for (const { background } of TEACHER_COLOURS) {
      const { text } = teacherColour(`t-${background}`);
      expect(contrast(background, text === "#111827" ? "#111827" : "#ffffff")).toBeGreaterThanOrEqual(4.5);
    }
    for (const c of TEACHER_COLOURS.map((_, i) => teacherColour(`teacher-${i}`))) expect(contrast(c.background, c.text)).toBeGreaterThanOrEqual(4.5);
    expect(teacherColour("abc")).toEqual(teacherColour("abc"));
  });

  it("asks for a DST week by local midnights, so the week holds 167 or 169 hours", () => {
    const spring = windowOf(daysOf("week", "2027-03-24"), "Europe/London");
    expect(spring).toEqual({ from: "2027-03-22T00:00:00.000Z", to: "2027-03-28T23:00:00.000Z" });
    const autumn = windowOf(daysOf("week", "2026-10-25"), "Europe/London");
    expect(autumn).toEqual({ from: "2026-10-18T23:00:00.000Z", to: "2026-10-26T00:00:00.000Z" });
    expect(daysOf("day", "2027-03-28")).toEqual(["2027-03-28"]);
  });

  it("places lessons by local time, side by side when they overlap", () => {
    const placed = layoutDay([lesson("a", "2027-03-23", "16:00", 45), lesson("b", "2027-03-23", "16:30", 30), lesson("c", "2027-03-23", "17:00", 60)]);
    expect(placed.map((p) => [p.lesson.id, p.start, p.end, p.lane, p.lanes])).toEqual([
      ["a", 960, 1005, 0, 2],
      ["b", 990, 1020, 1, 2],
      ["c", 1020, 1080, 0, 1],
    ]);
    expect(layoutDay([lesson("d", "2027-03-23", "09:00", 30)])[0]).toMatchObject({ lane: 0, lanes: 1 });
  });

  it("shows the teachers' working hours, widened to fit every lesson, or 08:00–21:00", () => {
    expect(hoursOf([], [])).toEqual({ start: 480, end: 1260 });
    expect(
      hoursOf(
        [
          { start: "09:30", end: "17:00" },
          { start: "10:00", end: "19:15" },
        ],
        [],
      ),
    ).toEqual({ start: 540, end: 1200 });
    expect(hoursOf([{ start: "09:00", end: "17:00" }], [lesson("x", "2027-01-01", "07:15", 60)])).toEqual({ start: 420, end: 1020 });
  });

  it("reads one filter from the URL and turns the filter select into it", () => {
    const params = readCalendarParams(new URL("http://x/c?view=agenda&date=2027-02-30&teacher=t1&room=A"), "2026-12-02");
    expect(params).toEqual({ view: "agenda", date: "2026-12-02", filter: { teacher: "t1" } });
    expect(filterFromShow("room:Room 1")).toEqual({ room: "Room 1" });
    expect(filterFromShow("nonsense:1")).toEqual({});
  });

  it("words the policy's outcome for the confirmation", () => {
    expect(outcomeSentence("credit_issued", "credit issued: 52 h notice")).toBe("A make-up credit will be issued: 52 hours' notice.");
    expect(outcomeSentence("no_credit", "no credit: 5 h notice, the policy asks for 24 h")).toBe(
      "No make-up credit will be issued: 5 hours' notice, the policy asks for 24 hours.",
    );
  });
});
