import { addDays, minutesOf, textOn, weekdayOf, zonedInstant } from "@studiosync/core/kernel";
import { lessonStatusBadge, type Names } from "./lesson-words";

/**
 * The calendar's arithmetic, all on the studio's wall clock: which local days a view shows, the
 * instants to ask the API for, where a lesson sits on the 15-minute grid (by its local start, so a
 * 16:00 lesson stays in the 16:00 row on both sides of a DST change) and each teacher's colour.
 */
export type CalendarView = "week" | "day" | "agenda";
export const VIEWS: readonly CalendarView[] = ["week", "day", "agenda"];

export interface CalendarFilter {
  teacher?: string;
  student?: string;
  family?: string;
  room?: string;
}
export const FILTER_KEYS = ["teacher", "student", "family", "room"] as const;

export interface CalendarParams {
  view: CalendarView;
  /** The local date the view is about. */
  date: string;
  /** At most one filter: the API reads one calendar at a time. */
  filter: CalendarFilter;
}

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
export const isLocalDate = (value: string | null | undefined): value is string =>
  Boolean(value && LOCAL_DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value));

export function readCalendarParams(url: URL, today: string): CalendarParams {
  const q = url.searchParams;
  const view = VIEWS.find((v) => v === q.get("view")) ?? "week";
  const date = isLocalDate(q.get("date")) ? q.get("date")! : today;
  const key = FILTER_KEYS.find((k) => (q.get(k) ?? "").trim() !== "");
  return { view, date, filter: key ? { [key]: q.get(key)!.trim() } : {} };
}

/** `show=teacher:<id>` (the filter form's one select) as the URL's own parameter (`teacher=<id>`); "" for none. */
export function filterFromShow(show: string): CalendarFilter {
  const at = show.indexOf(":");
  const key = FILTER_KEYS.find((k) => k === show.slice(0, at));
  const value = show.slice(at + 1).trim();
  return key && value ? { [key]: value } : {};
}

export const showValue = (filter: CalendarFilter) => {
  const key = FILTER_KEYS.find((k) => filter[k]);
  return key ? `${key}:${filter[key]}` : "";
};

export function calendarHref(base: string, params: CalendarParams, change: Partial<CalendarParams> = {}): string {
  const next = { ...params, ...change };
  const q = new URLSearchParams({ view: next.view });
  if (next.date) q.set("date", next.date);
  for (const key of FILTER_KEYS) if (next.filter[key]) q.set(key, next.filter[key]!);
  return `${base}/calendar?${q}`;
}

/** The Monday of a local date's week. */
export const mondayOf = (date: string) => addDays(date, 1 - weekdayOf(date));

/** The local days a view shows: a week (Monday first) for the week and agenda views, or one day. */
export function daysOf(view: CalendarView, date: string): string[] {
  if (view === "day") return [date];
  const monday = mondayOf(date);
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

/** How far the previous/next links move. */
export const stepDays = (view: CalendarView) => (view === "day" ? 1 : 7);

/** [from, to) as instants: local midnight of the first day to local midnight after the last. */
export function windowOf(days: readonly string[], timeZone: string): { from: string; to: string } {
  return {
    from: zonedInstant(days[0]!, "00:00", timeZone).toISOString(),
    to: zonedInstant(addDays(days.at(-1)!, 1), "00:00", timeZone).toISOString(),
  };
}

export interface GridLesson {
  id: string;
  durationMinutes: number;
  local: { date: string; startTime: string; endTime: string };
}

export interface Placed<L extends GridLesson> {
  lesson: L;
  /** Minutes after local midnight. */
  start: number;
  end: number;
  /** Side-by-side position among the lessons it overlaps. */
  lane: number;
  lanes: number;
}

/**
 * A day's lessons on the grid: placed by local start time and length (not by instant, so DST
 * never shifts a row), overlapping lessons side by side in lanes.
 */
export function layoutDay<L extends GridLesson>(lessons: readonly L[]): Placed<L>[] {
  const sorted = lessons
    .map((lesson) => {
      const start = minutesOf(lesson.local.startTime);
      return { lesson, start, end: Math.min(24 * 60, start + Math.max(15, lesson.durationMinutes)), lane: 0, lanes: 1 };
    })
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const placed: Placed<L>[] = [];
  let cluster: Placed<L>[] = [];
  let clusterEnd = -1;
  const close = () => {
    const lanes = Math.max(1, ...cluster.map((p) => p.lane + 1));
    for (const p of cluster) p.lanes = lanes;
    cluster = [];
  };
  for (const item of sorted) {
    if (item.start >= clusterEnd) close();
    const laneEnds = new Map<number, number>();
    for (const p of cluster) laneEnds.set(p.lane, Math.max(laneEnds.get(p.lane) ?? 0, p.end));
    let lane = 0;
    while ((laneEnds.get(lane) ?? -1) > item.start) lane++;
    item.lane = lane;
    cluster.push(item);
    placed.push(item);
    clusterEnd = Math.max(clusterEnd, item.end);
  }
  close();
  return placed;
}

export const DEFAULT_HOURS = { start: 8 * 60, end: 21 * 60 };

/**
 * The hours the grid shows: the earliest to the latest working hour of the teachers shown (or
 * 08:00–21:00 when none are set), widened to whole hours so every lesson of the days fits.
 */
export function hoursOf(working: readonly { start: string; end: string }[], lessons: readonly GridLesson[]): { start: number; end: number } {
  let start = working.length ? Math.min(...working.map((r) => minutesOf(r.start))) : DEFAULT_HOURS.start;
  let end = working.length ? Math.max(...working.map((r) => (r.end === "24:00" ? 24 * 60 : minutesOf(r.end)))) : DEFAULT_HOURS.end;
  for (const l of lessons) {
    const s = minutesOf(l.local.startTime);
    start = Math.min(start, s);
    end = Math.max(end, Math.min(24 * 60, s + l.durationMinutes));
  }
  start = Math.floor(start / 60) * 60;
  end = Math.min(24 * 60, Math.ceil(end / 60) * 60);
  return end - start >= 60 ? { start, end } : DEFAULT_HOURS;
}

/**
 * One colour per teacher, from light tints dark text reads on (the text colour is computed from
 * the tint, WCAG 4.5:1 checked in the tests), with a stronger edge of the same hue.
 */
export const TEACHER_COLOURS: readonly { background: string; edge: string }[] = [
  { background: "#dbeafe", edge: "#1d4ed8" },
  { background: "#dcfce7", edge: "#15803d" },
  { background: "#fef3c7", edge: "#b45309" },
  { background: "#fce7f3", edge: "#be185d" },
  { background: "#ede9fe", edge: "#6d28d9" },
  { background: "#ccfbf1", edge: "#0f766e" },
  { background: "#ffedd5", edge: "#c2410c" },
  { background: "#e0e7ff", edge: "#4338ca" },
  { background: "#f3f4f6", edge: "#374151" },
  { background: "#fae8ff", edge: "#a21caf" },
];

/** A teacher's colour, stable across pages and filters (from their id). */
export function teacherColour(teacherId: string): { background: string; edge: string; text: string } {
  let hash = 0;
  for (const ch of teacherId) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  const colour = TEACHER_COLOURS[hash % TEACHER_COLOURS.length]!;
  return { ...colour, text: textOn(colour.background) };
}

export interface StatusLesson {
  status: "scheduled" | "in_progress" | "completed" | "cancelled" | "no_show";
  originalTeacherId: string | null;
  makeupCreditId: string | null;
}

/** What a lesson's block says besides time and people: status and flags in words. */
export function lessonFlags(lesson: StatusLesson): string[] {
  return [lessonStatusBadge(lesson.status)?.label ?? "", lesson.makeupCreditId ? "Make-up" : "", lesson.originalTeacherId ? "Substitute" : ""].filter(Boolean);
}

export const NO_NAMES: Names = { teachers: {}, students: {}, bands: {} };

/** Where: the room, or "Online", or the location; "" when none is set. */
export const lessonWhere = (lesson: { roomName: string | null; onlineUrl: string | null; location: string | null; type: string }) =>
  lesson.roomName ?? (lesson.onlineUrl || lesson.type === "online" ? "Online" : (lesson.location ?? ""));
