const formats = new Map<string, { date: Intl.DateTimeFormat; time: Intl.DateTimeFormat }>();

function formatsFor(timeZone: string) {
  let f = formats.get(timeZone);
  if (!f) {
    f = {
      date: new Intl.DateTimeFormat("en-GB", { timeZone, weekday: "long", day: "numeric", month: "long", year: "numeric" }),
      time: new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }),
    };
    formats.set(timeZone, f);
  }
  return f;
}

/** A lesson's time on the studio's wall clock, with the zone: "Tuesday 12 January 2027, 16:00–16:45 (America/New_York)". */
export function lessonTimeText(start: string, end: string, timeZone: string): string {
  const { date, time } = formatsFor(timeZone);
  return `${date.format(new Date(start))}, ${time.format(new Date(start))}–${time.format(new Date(end))} (${timeZone})`;
}
