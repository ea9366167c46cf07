import type { AstroGlobal } from "astro";
import type { Problem } from "./problem";
import { roomHref, roomKeyOf } from "./rooms";
import { asUser } from "./session";
import type { Workspace } from "./workspace";

type Conflict = NonNullable<Problem["conflicts"]>[number];

/**
 * When a lesson clashes with a room reservation (lessons and reservations share the room's day
 * schedules, and the 409 names either by its id), the reservation to name instead of a lesson
 * page that does not exist: its room's page and who reserved it. One API call (the room's bookings
 * over the clash), made only for a clash in a room of the list.
 */
export async function reservationInTheWay(
  astro: AstroGlobal,
  ws: Pick<Workspace, "base" | "studio" | "format">,
  conflict: Conflict | undefined,
  rooms: readonly { id: string; name: string }[],
): Promise<{ href: string; title: string } | undefined> {
  if (conflict?.resource !== "room") return undefined;
  const room = rooms.find((r) => roomKeyOf(r.name) === conflict.resourceId);
  if (!room) return undefined;
  const held = await asUser(astro, (c) =>
    c.v1.studios[":studioId"].rooms[":roomId"].bookings.$get({
      param: { studioId: ws.studio.id, roomId: room.id },
      query: { from: conflict.start, to: conflict.end },
    }),
  );
  const booking = held?.ok ? held.data.items.find((b) => b.id === conflict.lessonId) : undefined;
  if (booking?.kind !== "reservation") return undefined;
  return {
    href: roomHref(ws.base, room.id, `?from=${ws.format.localDateOf(conflict.start)}`),
    title: `${room.name}: ${booking.title.replace(/^Reserved/, "reserved")}`,
  };
}
