import { addDays } from "@studiosync/core/kernel";
import { isLocalDate } from "./calendar";

/** A week of free slots to choose from: [from, to] local dates and the links to the weeks around it. */
export interface SlotWeek {
  from: string;
  to: string;
  previousHref: string | null;
  nextHref: string | null;
}

/**
 * The week a slot picker shows (`?from=`, never before `today + startOffset`), stopping at `last`
 * (a credit's expiry) when there is one; the links keep the page's other query parameters.
 */
export function slotWeek(url: URL, today: string, startOffset = 0, last?: string): SlotWeek {
  const first = addDays(today, startOffset);
  const asked = url.searchParams.get("from");
  const from = isLocalDate(asked) && asked > first ? (last && asked > last ? last : asked) : first;
  const end = addDays(from, 6);
  const to = last && end > last ? last : end;
  const href = (date: string) => {
    const params = new URLSearchParams(url.search);
    params.set("from", date);
    return `${url.pathname}?${params}`;
  };
  const previous = addDays(from, -7) < first ? first : addDays(from, -7);
  return {
    from,
    to,
    previousHref: from > first ? href(previous) : null,
    nextHref: !last || addDays(from, 7) <= last ? href(addDays(from, 7)) : null,
  };
}
