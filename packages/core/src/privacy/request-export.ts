import { v7 as uuidv7 } from "uuid";
import { recordAudit } from "../audit";
import { db } from "../db";
import { commitWrites } from "../kernel/db/commit-writes";
import { emailBrand, privacyExportMessage } from "../email";
import { putObject } from "../files";
import { outboxEmail } from "../outbox";
import { assertMay, hiddenRecord, may, type Actor } from "../policy";
import { buildExportDocument } from "./export-document";
import { EXPORT_LINK_SECONDS, exportKey, exportLinkUrl, signExportLink } from "./export-files";
import type { PrivacyRequest } from "./schemas";
import { linkedUserId, loadSubject, maySeeSubject, personFacts, subjectName } from "./subject";

/**
 * Exports everything the studio holds about one person (admins: anyone; a person: themself; a
 * parent: also their children). The JSON document goes to a private S3 object (deleted by S3 after
 * two days, or at once by an erasure); the requester gets a link by email, valid 24 hours, to a
 * page that presigns a short download when clicked (open-export.ts). Recorded as "privacy.exported".
 * Someone who may see the person but not export their data gets 403, anyone else 404.
 */
export async function requestExport(actor: Actor, studioId: string, input: PrivacyRequest) {
  const { member, studio, user, subject } = await loadSubject(actor, studioId, input.subject);
  const person = personFacts(subject);
  if (!may(member, "privacy.export", person)) {
    if (maySeeSubject(member, subject)) assertMay(member, "privacy.export", person);
    throw hiddenRecord(input.subject.type === "student" ? "Student" : input.subject.type === "teacher" ? "Teacher" : "Guardian");
  }
  if (!user) throw new Error(`User ${actor.userId} of a live session has no account record`);

  const exportId = uuidv7();
  const key = exportKey(studioId, subject, exportId);
  const document = await buildExportDocument({
    exportId,
    studio,
    subject,
    userId: linkedUserId(member, subject),
    requestedBy: actor.userId,
    requester: member,
  });
  await putObject(key, JSON.stringify(document, null, 2), "application/json");
  const expiresAtSeconds = Math.floor(Date.now() / 1000) + EXPORT_LINK_SECONDS;
  const url = exportLinkUrl(signExportLink(key, expiresAtSeconds));
  const expiresAt = new Date(expiresAtSeconds * 1000).toISOString();
  const email = privacyExportMessage({ studioName: studio.name, subjectName: subjectName(subject), url, validHours: EXPORT_LINK_SECONDS / 3600 });

  await commitWrites(db, (tx) => [
    recordAudit(tx, {
      studioId,
      actorId: actor.userId,
      action: "privacy.exported",
      entityType: subject.type,
      entityId: subject.id,
      after: { exportId, key },
    }),
    outboxEmail(tx, { scope: studioId, messageId: `privacy-export#${exportId}`, to: user.email, email, brand: emailBrand(studio) }),
  ]);
  return { exportId, expiresAt };
}
