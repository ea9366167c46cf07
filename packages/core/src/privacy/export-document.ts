import { toAuditEvent } from "../audit";
import { itemOf, readTogether } from "../kernel/db/read-together";
import { db } from "../db";
import { readGuardians, readStudents, toFamilySummary, toGuardian, toStudentSummary, withStaffOnly, type FamilyRecord } from "../people";
import type { StudioMember } from "../policy";
import type { StudioRecord } from "../studios/module";
import { documentsForExport } from "../resources";
import { activitySections, SECTION_LIMIT, upTo } from "./export-sections";
import type { SubjectRecord } from "./subject";

/** Bands are not indexed by member: at most this many of the studio's bands are looked through. */
export const BAND_SCAN_LIMIT = 500;
/** At most this many audit events per record go into an export. */
export const AUDIT_EVENT_LIMIT = 1000;
const PAGE = 100;

/** Search keys and list bookkeeping: how the database finds the record, not data about the person. */
const INTERNAL = new Set(["nameKey", "emailKey", "listing", "importHash"]);

const profileOf = (record: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(record).filter(([field, value]) => !INTERNAL.has(field) && value !== undefined));

async function auditEventsAbout(studioId: string, entityType: string, entityId: string) {
  const { items, truncated } = await upTo(
    (cursor) => db().entities.auditEvent.query.auditByEntity({ studioId, entityType, entityId }).go({ cursor, limit: PAGE }),
    AUDIT_EVENT_LIMIT,
  );
  return { events: items.map(toAuditEvent), truncated };
}

/** The bands a student plays in, found by reading up to BAND_SCAN_LIMIT of the studio's bands by name. */
async function bandsOf(studioId: string, studentId: string) {
  const { items, truncated } = await upTo(
    (cursor) => db().entities.band.query.bandsByName({ studioId, listing: "listed" }).go({ cursor, limit: PAGE }),
    BAND_SCAN_LIMIT,
  );
  const bands = items
    .filter((band) => band.memberStudentIds?.includes(studentId))
    .map((band) => ({ id: band.bandId, name: band.name, isPrimaryContact: band.primaryContactId === studentId }));
  return { bands, bandsLookedThrough: items.length, truncated };
}

/** The linked user's membership (their role in the studio), and the family of a student or guardian. */
async function readLinks(subject: SubjectRecord, userId: string | undefined) {
  const { studioId } = subject.record;
  const familyId = subject.type === "teacher" ? undefined : subject.record.familyId;
  const { family, membership } = db().entities;
  const reads = [...(userId ? [itemOf(membership, { studioId, userId })] : []), ...(familyId ? [itemOf(family, { studioId, familyId })] : [])];
  const found = reads.length > 0 ? ((await readTogether(...reads)) as unknown[]) : [];
  const member = userId
    ? (found.shift() as {
        role: string;
        teacherId?: string;
        studentId?: string;
        guardianId?: string;
        familyId?: string;
        deactivatedAt?: string;
        deletedAt?: string;
        createdAt: string;
      } | null)
    : null;
  const familyRecord = familyId ? (found.shift() as FamilyRecord | null) : null;
  return {
    membership:
      member && !member.deletedAt
        ? {
            userId,
            role: member.role,
            status: member.deactivatedAt ? "deactivated" : "active",
            teacherId: member.teacherId ?? null,
            studentId: member.studentId ?? null,
            guardianId: member.guardianId ?? null,
            familyId: member.familyId ?? null,
            since: member.createdAt,
          }
        : null,
    family: familyRecord && !familyRecord.deletedAt ? familyRecord : null,
  };
}

/**
 * Everything the studio holds about one person, as one JSON document: the profile record; for a
 * student the family, its guardians and the bands they play in; for a guardian the family and its
 * children; the linked member's role; the audit events about the record (and the membership); and
 * the documents on the person's record (with their files' bytes); the activity sections
 * (export-sections.ts: lessons, attendance, notes, goals, practice, feeds,
 * billing, loans). A requester who is not staff gets what they may see: no staff-only fields, only the
 * notes shown to them.
 */
export async function buildExportDocument(input: {
  exportId: string;
  studio: StudioRecord;
  subject: SubjectRecord;
  /** The person's user account in the studio, if any. */
  userId: string | undefined;
  requestedBy: string;
  requester: StudioMember;
}) {
  const { studio, subject } = input;
  const { studioId } = studio;
  const { membership, family } = await readLinks(subject, input.userId);
  const [guardians, students, bands, audit, memberAudit, activity, documents] = await Promise.all([
    family && subject.type === "student" ? readGuardians(studioId, family.familyId) : Promise.resolve([]),
    family && subject.type === "guardian" ? readStudents(studioId, family.studentIds) : Promise.resolve([]),
    subject.type === "student" ? bandsOf(studioId, subject.id) : Promise.resolve(null),
    auditEventsAbout(studioId, subject.type, subject.id),
    membership?.userId ? auditEventsAbout(studioId, "member", membership.userId) : Promise.resolve(null),
    activitySections({ studio, subject, userId: input.userId, requester: input.requester, familyStudentIds: family?.studentIds ?? [] }),
    subject.type === "guardian" ? Promise.resolve([]) : documentsForExport(studioId, subject.type, subject.id),
  ]);
  const { staff } = activity;

  return {
    format: "studiosync.privacy-export/1",
    exportId: input.exportId,
    generatedAt: new Date().toISOString(),
    requestedBy: input.requestedBy,
    studio: { id: studioId, name: studio.name },
    subject: { type: subject.type, id: subject.id },
    profile: withStaffOnly("student", profileOf(subject.record as Record<string, unknown>), staff || subject.type !== "student"),
    membership,
    family: family ? withStaffOnly("family", toFamilySummary(family), staff) : null,
    ...(subject.type === "student" ? { guardians: guardians.map(toGuardian) } : {}),
    ...(subject.type === "guardian" ? { children: students.map(toStudentSummary) } : {}),
    ...(bands ? { bands: bands.bands } : {}),
    ...activity.sections,
    documents,
    auditEvents: [...audit.events, ...(memberAudit?.events ?? [])].sort((a, b) => a.id.localeCompare(b.id)),
    limits: {
      ...(bands ? { bandsLookedThrough: bands.bandsLookedThrough, bandScanLimit: BAND_SCAN_LIMIT, bandsTruncated: bands.truncated } : {}),
      auditEventLimit: AUDIT_EVENT_LIMIT,
      auditEventsTruncated: audit.truncated || Boolean(memberAudit?.truncated),
      sectionLimit: SECTION_LIMIT,
      sectionsTruncated: activity.truncated,
    },
  };
}
export type ExportDocument = Awaited<ReturnType<typeof buildExportDocument>>;
