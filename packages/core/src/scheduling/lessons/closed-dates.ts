import { AppError } from "../../kernel/errors";
import { closureOn, closuresBetween } from "../closures/closures-between";
import { localParts } from "../../kernel/time/wall-clock";

/** 409 when a lesson's local date falls in a studio closure (holidays are not bookable). */
export async function assertStudioOpen(studioId: string, start: string, end: string, timeZone: string): Promise<void> {
  const first = localParts(start, timeZone).date;
  const last = localParts(new Date(new Date(end).getTime() - 1), timeZone).date;
  const closures = await closuresBetween(studioId, first, last);
  const closure = closureOn(closures, first) ?? closureOn(closures, last);
  if (closure) {
    const message = `The studio is closed from ${closure.startDate} to ${closure.endDate} (${closure.reason})`;
    throw new AppError("lesson.studio_closed", message, { errors: [{ path: "scheduledStart", message }] });
  }
}
