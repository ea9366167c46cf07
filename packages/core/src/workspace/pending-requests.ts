import { toAccessRequest } from "../access-requests";
import { db } from "../db";
import { isStudioAdmin, type StudioMember } from "../policy";
import { scheduleDb, toRescheduleRequest, type RescheduleRequestRecord } from "../scheduling";

/** Pending requests counted up to this many (Today says "100+" beyond). */
export const PENDING_COUNT_LIMIT = 100;
/** How many of each kind Today lists. */
export const PENDING_SHOWN = 5;

/**
 * The pending reschedule requests the member reviews, newest first: the studio's inbox for admins,
 * the requests for their own lessons for a teacher. Counted up to PENDING_COUNT_LIMIT.
 */
export async function pendingReschedules(studioId: string, member: StudioMember, timeZone: string) {
  const { rescheduleRequest } = scheduleDb().entities;
  const options = { order: "desc" as const, limit: PENDING_COUNT_LIMIT, pages: "all" as const };
  let records: RescheduleRequestRecord[];
  if (isStudioAdmin(member)) {
    records = (await rescheduleRequest.query.requestsByStatus({ studioId, status: "pending" }).go(options)).data;
  } else if (member.teacherId) {
    records = (
      await rescheduleRequest.query
        .requestsByTeacher({ studioId, teacherId: member.teacherId })
        .where((a, op) => op.eq(a.status, "pending"))
        .go(options)
    ).data;
  } else records = [];
  return { count: records.length, items: records.slice(0, PENDING_SHOWN).map((r) => toRescheduleRequest(r, timeZone)) };
}

/** The studio's pending requests to join, newest first (admins only; counted up to PENDING_COUNT_LIMIT). */
export async function pendingAccessRequests(studioId: string) {
  const { data } = await db()
    .entities.accessRequest.query.accessRequestsByStatus({ studioId, status: "pending" })
    .go({ order: "desc", limit: PENDING_COUNT_LIMIT, pages: "all" });
  return { count: data.length, items: data.slice(0, PENDING_SHOWN).map(toAccessRequest) };
}
