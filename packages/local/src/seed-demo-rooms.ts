import * as Rooms from "@studiosync/core/rooms";
import type { Actor } from "@studiosync/core/policy";

/**
 * The demo studio's rooms: the two its weekly lessons already name (so they hold those lessons'
 * bookings) and a practice room families reserve from the portal.
 */
export async function seedDemoRooms(owner: Actor, studioId: string): Promise<void> {
  const weekdays = (from: number, to: number, start: string, end: string) =>
    Array.from({ length: to - from + 1 }, (_, i) => ({ weekday: from + i, start, end }));
  const rooms = [
    {
      name: "Piano Room",
      capacity: 3,
      hourlyRateMinor: 800,
      equipment: ["Grand piano", "Metronome", "Music stand"],
      bookableBy: "students",
      openingHours: weekdays(1, 6, "08:00", "21:00"),
    },
    { name: "Studio B", capacity: 6, equipment: ["Drum kit", "Guitar amps", "PA system"], bookableBy: "staff" },
    {
      name: "Practice Room 1",
      capacity: 2,
      hourlyRateMinor: 500,
      equipment: ["Upright piano", "Music stand"],
      bookableBy: "students",
      openingHours: weekdays(1, 7, "09:00", "20:00"),
    },
  ];
  for (const room of rooms) await Rooms.createRoom(owner, studioId, Rooms.createRoomSchema.parse(room));
}
