import { itemOf, readTogether } from "../../kernel/db/read-together";
import type { StudioRecord } from "../../studios/module";
import { messagingDb } from "../messaging-db";
import { guardianParty, parseParty, STUDIO_PARTY, studentParty } from "../parties";
import type { ThreadParticipant } from "../thread.entity";
import { studioParticipant, teacherParticipant } from "./recipients";

const fullName = (p: { firstName: string; lastName?: string }) => `${p.firstName} ${p.lastName ?? ""}`.trim();

/**
 * The participant a party is, from its record (its name and address as they are now); null when
 * the record is gone. The studio is always there.
 */
export async function participantOf(studio: StudioRecord, party: string): Promise<ThreadParticipant | null> {
  const ref = parseParty(party);
  if (!ref) return null;
  if (ref.kind === "studio") return studioParticipant(studio);
  const { studioId } = studio;
  const { teacher, student, guardian } = messagingDb().entities;
  const email = (value?: string) => (value ? { email: value.toLowerCase() } : {});
  if (ref.kind === "teacher") {
    const [record] = await readTogether(itemOf(teacher, { studioId, teacherId: ref.teacherId }));
    return record && !record.deletedAt ? teacherParticipant(record) : null;
  }
  if (ref.kind === "student") {
    const [record] = await readTogether(itemOf(student, { studioId, studentId: ref.studentId }));
    return record && !record.deletedAt
      ? { party: studentParty(record.studentId), kind: "student", name: fullName(record), ...email(record.email), unread: 0 }
      : null;
  }
  const [record] = await readTogether(itemOf(guardian, { studioId, familyId: ref.familyId, guardianId: ref.guardianId }));
  return record && !record.deletedAt
    ? { party: guardianParty(record.familyId, record.guardianId), kind: "guardian", name: fullName(record), ...email(record.email), unread: 0 }
    : null;
}

/** How a message signs: the participant's name; for the studio, the owner or admin writing and the studio ("Ada Berg (Harmony House)"). */
export const signatureOf = (writer: ThreadParticipant, userName: string | undefined, studio: StudioRecord) =>
  writer.party === STUDIO_PARTY && userName ? `${userName} (${studio.name})` : writer.name;
