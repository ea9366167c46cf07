import { toStudentSummary, type StudentRecord } from "../student-summaries";
import type { Band, BandSummary } from "./band-schema";

import type { BandRecord } from "../band.entity";
export type { BandRecord } from "../band.entity";

export type { Band, BandSummary };

export const toBandSummary = (r: BandRecord): BandSummary => ({
  id: r.bandId,
  name: r.name,
  email: r.email ?? null,
  phone: r.phone ?? null,
  address: r.address ?? null,
  city: r.city ?? null,
  state: r.state ?? null,
  postalCode: r.postalCode ?? null,
  country: r.country ?? null,
  notes: r.notes ?? null,
  primaryContactId: r.primaryContactId ?? null,
  memberStudentIds: [...(r.memberStudentIds ?? [])].sort(),
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

export const toBand = (r: BandRecord, members: StudentRecord[]): Band => ({ ...toBandSummary(r), members: members.map(toStudentSummary) });

/** The fields an audit event compares. */
export function auditableBand(r: BandRecord | undefined): Record<string, unknown> | undefined {
  if (!r) return undefined;
  const { createdAt: _c, updatedAt: _u, ...fields } = toBandSummary(r);
  return { ...fields, deletedAt: r.deletedAt ?? null };
}
