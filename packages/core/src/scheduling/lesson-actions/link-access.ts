import { itemOf, readTogether, type ReadResults } from "../../kernel/db/read-together";
import { AppError, notFound } from "../../kernel/errors";
import type { StudentRecord } from "../../people/module";
import type { MemberAccess, StudioMember } from "../../policy";
import type { StudioRecord } from "../../studios/module";
import { guardiansOfFamilies } from "../family-guardians";
import { schedulingSettingsRead, withDefaults } from "../settings/read-settings";
import type { SchedulingSettings } from "../settings/defaults";
import type { LessonRecord } from "../lessons/lesson-view";
import type { MakeupCreditRecord } from "../makeups/credit-view";
import type { SlotOfferRecord } from "../slot-offers/offer-view";
import { scheduleDb, type ScheduleTx } from "../schedule-db";
import { readActionToken, type ActionClaims, type LessonAction } from "./action-token";
import { LINK_ACTOR_PREFIX } from "./link-actor";

export interface OpenedLink {
  claims: ActionClaims;
  studio: StudioRecord;
  lesson: LessonRecord;
  student: StudentRecord;
  credit: MakeupCreditRecord | null;
  /** Claim links: the freed slot's offer. */
  offer: SlotOfferRecord | null;
  /** The studio's scheduling settings (its cancellation policy). */
  settings: SchedulingSettings;
  /** When the link already acted: what and when. */
  usedAt: string | null;
}

export const linkNotValid = () => new AppError("link.invalid", "This link is not valid: open the latest email from the studio, or contact them");

/** Whether the address is still the student's or a guardian's of their family (a removed guardian's links stop working). */
async function stillRecipient(studioId: string, student: StudentRecord, email: string): Promise<boolean> {
  if (student.email?.trim().toLowerCase() === email) return true;
  if (!student.familyId) return false;
  const guardians = (await guardiansOfFamilies(studioId, [student.familyId])).get(student.familyId) ?? [];
  return guardians.some((g) => !g.deletedAt && g.email?.trim().toLowerCase() === email);
}

/**
 * A signed lesson link, checked: its signature, purpose and expiry first (no read), then in one
 * BatchGet the studio, the lesson, the student, the credit (make-up links), the offer (claims),
 * the studio's scheduling settings and the link's use;
 * the address must still belong to the student or their family. Anything else is 404.
 */
export async function openLink(token: string, action: LessonAction): Promise<OpenedLink> {
  const claims = readActionToken(token);
  if (claims.action !== action) throw linkNotValid();
  const { studioId } = claims;
  const { studio, lesson, student, makeupCredit, lessonLinkUse, slotOffer } = scheduleDb().entities;
  const claim = action === "claim";
  const [studioRecord, lessonRecord, studentRecord, credit, use, offer, settings] = await readTogether(
    itemOf(studio, { studioId }),
    itemOf(lesson, { studioId, lessonId: claims.lessonId }),
    itemOf(student, { studioId, studentId: claims.studentId }),
    itemOf(makeupCredit, { studioId, creditId: claims.creditId ?? "-" }),
    itemOf(lessonLinkUse, { studioId, nonce: claims.nonce }),
    itemOf(slotOffer, { studioId, offerId: claim ? claims.lessonId : "-" }),
    schedulingSettingsRead(studioId),
  );
  if (!studioRecord || studioRecord.deletedAt || !lessonRecord || !studentRecord || studentRecord.deletedAt) throw linkNotValid();
  // A claim is for another family's freed slot: the link's student is the claimant, not the lesson's.
  if (claim ? !offer || !claims.creditId : !lessonRecord.studentIds.includes(claims.studentId)) throw linkNotValid();
  if (claims.creditId && (!credit || credit.studentId !== claims.studentId)) throw linkNotValid();
  if (!(await stillRecipient(studioId, studentRecord, claims.email))) throw linkNotValid();
  return {
    claims,
    studio: studioRecord,
    lesson: lessonRecord,
    student: studentRecord,
    credit: claims.creditId ? credit : null,
    offer: claim ? offer : null,
    settings: withDefaults(settings),
    usedAt: use?.usedAt ?? null,
  };
}

/** Who acts through a link: the link's student, named by the address it was sent to (for the audit log). */
export const linkMember = (link: OpenedLink): StudioMember => ({
  userId: `${LINK_ACTOR_PREFIX}${link.claims.email}`,
  role: "student",
  studentId: link.claims.studentId,
});

/**
 * Acting through the link: the lesson's student, as far as this one lesson (or credit) goes — the
 * use cases then apply every rule they apply to a signed-in student (policy, notice, free slots).
 */
export function linkAccess(link: OpenedLink): MemberAccess {
  const member = linkMember(link);
  return async (studioId, ...reads) => {
    if (studioId !== link.claims.studioId) throw notFound("Studio");
    const [studio, ...records] = await readTogether(itemOf(scheduleDb().entities.studio, { studioId }), ...reads);
    if (!studio || studio.deletedAt) throw notFound("Studio");
    return { member, studio: studio as StudioRecord, records: records as ReadResults<typeof reads> };
  };
}

/** The transaction item that spends the link (its create fails when it was spent already). */
export const spendLink = (link: OpenedLink) => (tx: ScheduleTx) => [
  tx.lessonLinkUse
    .create({
      studioId: link.claims.studioId,
      nonce: link.claims.nonce,
      action: link.claims.action,
      lessonId: link.lesson.lessonId,
      usedAt: new Date().toISOString(),
      expiresAt: link.claims.expiresAt + 86_400,
    })
    .commit(),
];

export const linkUsed = () => new AppError("link.used", "This link was already used; the studio has your earlier answer");
