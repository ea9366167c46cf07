const formats = new Map<string, Intl.DateTimeFormat>();

/** An instant on a studio's wall clock, short: "Fri 4 Dec, 16:05" (messages, offer deadlines). */
export function shortInstantWords(instant: string, timeZone: string): string {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      weekday: "short",
      day: "numeric",
      month: "short",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    formats.set(timeZone, format);
  }
  return format.format(new Date(instant));
}
