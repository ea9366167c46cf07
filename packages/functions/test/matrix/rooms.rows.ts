import { api } from "../support/api";
import { ADMINS, MEMBERS, s, type ActorName, type RowModule, type World } from "./rows";

const STAFF: ActorName[] = [...ADMINS, "teacherOwn", "teacherOther"];
const HOUSEHOLDS: ActorName[] = MEMBERS.filter((a) => !STAFF.includes(a));
/** Who may reserve practice room P1 for S1: staff, S1 and S1's parent. */
const FOR_S1: ActorName[] = [...STAFF, "studentSelf", "parentOwn"];
/** Who cancels a reservation of S1 made by the owner: admins and S1's household. */
const CANCEL_S1: ActorName[] = [...ADMINS, "studentSelf", "parentOwn"];

/** A practice room open to students (R1 of the world), or a fresh one for a delete. */
async function room(w: World, name = `Practice ${Math.random().toString(36).slice(2, 8)}`): Promise<{ id: string }> {
  const res = await api("POST", s(w, "/rooms"), { token: w.owner.accessToken, body: { name, bookableBy: "students", hourlyRateMinor: 1000 } });
  if (res.status !== 201) throw new Error(`room: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A different hour for each reservation, so none clashes (days ahead, whole hours, UTC). */
let slot = 0;
const nextStart = () => {
  slot += 1;
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + 30 + Math.floor(slot / 20));
  d.setUTCHours(slot % 20, 0, 0, 0);
  return d.toISOString();
};

async function reservation(w: World): Promise<{ id: string }> {
  const res = await api("POST", s(w, `/rooms/${w.extra.roomP1}/reservations`), {
    token: w.owner.accessToken,
    body: { start: nextStart(), durationMinutes: 30, studentId: w.studentS1 },
  });
  if (res.status !== 201) throw new Error(`reservation: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export const roomRows: RowModule = {
  prepare: async (w) => {
    const roomP1 = (await room(w, "Matrix practice room")).id;
    return { roomP1, reservationR1: (await reservation({ ...w, extra: { ...w.extra, roomP1 } })).id };
  },
  rows: {
    "GET /v1/studios/{studioId}/rooms": { action: "studio.read", allow: MEMBERS, path: (w) => s(w, "/rooms") },
    "POST /v1/studios/{studioId}/rooms": {
      action: "room.manage",
      allow: ADMINS,
      forbid: [...STAFF.filter((a) => !ADMINS.includes(a)), ...HOUSEHOLDS],
      path: (w) => s(w, "/rooms"),
      body: () => ({ name: `Room ${Math.random().toString(36).slice(2, 10)}` }),
    },
    "POST /v1/studios/{studioId}/rooms/from-lessons": {
      action: "room.manage",
      allow: ADMINS,
      forbid: [...STAFF.filter((a) => !ADMINS.includes(a)), ...HOUSEHOLDS],
      path: (w) => s(w, "/rooms/from-lessons"),
    },
    "GET /v1/studios/{studioId}/rooms/reservations/mine": { action: "studio.read", allow: MEMBERS, path: (w) => s(w, "/rooms/reservations/mine") },
    "GET /v1/studios/{studioId}/rooms/{roomId}": { action: "room.view", allow: MEMBERS, path: (w) => s(w, `/rooms/${w.extra.roomP1}`) },
    "PATCH /v1/studios/{studioId}/rooms/{roomId}": {
      action: "room.manage",
      allow: ADMINS,
      forbid: [...STAFF.filter((a) => !ADMINS.includes(a)), ...HOUSEHOLDS],
      path: (w) => s(w, `/rooms/${w.extra.roomP1}`),
      body: () => ({ capacity: 3 }),
    },
    "DELETE /v1/studios/{studioId}/rooms/{roomId}": {
      action: "room.manage",
      allow: ADMINS,
      forbid: [...STAFF.filter((a) => !ADMINS.includes(a)), ...HOUSEHOLDS],
      path: (w, t) => s(w, `/rooms/${t}`),
      target: (w) => w.extra.roomP1!,
      fresh: (w) => room(w),
    },
    "GET /v1/studios/{studioId}/rooms/{roomId}/bookings": {
      action: "room.view",
      allow: MEMBERS,
      path: (w) => s(w, `/rooms/${w.extra.roomP1}/bookings?from=${new Date().toISOString()}&to=${new Date(Date.now() + 7 * 86_400_000).toISOString()}`),
    },
    "GET /v1/studios/{studioId}/rooms/{roomId}/reservations": {
      action: "room.view",
      allow: MEMBERS,
      path: (w) => s(w, `/rooms/${w.extra.roomP1}/reservations`),
    },
    "POST /v1/studios/{studioId}/rooms/{roomId}/reservations": {
      action: "room.reserve",
      allow: FOR_S1,
      forbid: ["studentOther", "parentOther"],
      path: (w) => s(w, `/rooms/${w.extra.roomP1}/reservations`),
      body: (w) => ({ start: nextStart(), durationMinutes: 30, studentId: w.studentS1 }),
    },
    "POST /v1/studios/{studioId}/rooms/{roomId}/reservations/{reservationId}/cancel": {
      action: "reservation.cancel",
      allow: CANCEL_S1,
      forbid: ["teacherOwn", "teacherOther"],
      path: (w, t) => s(w, `/rooms/${w.extra.roomP1}/reservations/${t}/cancel`),
      target: (w) => w.extra.reservationR1!,
      fresh: reservation,
    },
  },
};
