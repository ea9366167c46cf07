/**
 * Links for cursor pagination. `cursor` is the page being shown; `back` holds the cursors of the
 * pages before it (comma-separated, "" for the first page), so "Previous" needs no server state.
 */
export function pageLinks(url: URL, nextCursor: string | null | undefined): { previous?: string; next?: string } {
  const current = url.searchParams.get("cursor") ?? "";
  const back = url.searchParams.get("back");
  const trail = back === null ? [] : back.split(",");
  const link = (cursor: string, newTrail: string[]) => {
    const u = new URL(url);
    if (cursor) u.searchParams.set("cursor", cursor);
    else u.searchParams.delete("cursor");
    if (newTrail.length) u.searchParams.set("back", newTrail.join(","));
    else u.searchParams.delete("back");
    return `${u.pathname}${u.search}`;
  };
  return {
    previous: current ? link(trail.at(-1) ?? "", trail.slice(0, -1)) : undefined,
    next: nextCursor ? link(nextCursor, [...trail, current]) : undefined,
  };
}

/** The cursor to send to the API for this URL (undefined on the first page). */
export const cursorOf = (url: URL) => url.searchParams.get("cursor") || undefined;
