import { randomUUID } from "node:crypto";
import { EmailDelivery } from "@studiosync/core";
import { MESSAGE_HEADER, messageHeaderValue } from "@studiosync/core/outbox";
import { api, ownerWithStudio } from "./api";
import { memberWithRole } from "./members";

type Owner = Awaited<ReturnType<typeof ownerWithStudio>>;

/**
 * Who calls a route in the permission matrix. "Own"/"other" are relative to the target records;
 * "forged" sends a token that is not one ("not-a-token").
 */
export const ACTORS = [
  "anonymous",
  "forged",
  "outsider",
  "owner",
  "admin",
  "teacherOwn",
  "teacherOther",
  "studentSelf",
  "studentOther",
  "parentOwn",
  "parentOther",
] as const;
export type ActorName = (typeof ACTORS)[number];

/**
 * One studio with a record for every relationship the rules know: teacher A teaches student S1
 * of family F (guardian G) who plays in band B; teacher B teaches S2 of family F2 (guardian G2).
 * Each actor is signed in with the matching profile links; "outsider" owns another studio.
 */
export interface World {
  owner: Owner;
  studioId: string;
  /** The studio's name, which no answer to the outsider may contain. */
  studioName: string;
  slug: string;
  teacherA: string;
  teacherB: string;
  studentS1: string;
  studentS2: string;
  familyF: string;
  familyF2: string;
  guardianG: string;
  guardianG2: string;
  band: string;
  /** Teacher A with student S1, a week ahead. */
  lessonL1: string;
  invitation: string;
  accessRequest: string;
  memberUserId: string;
  tokens: Record<ActorName, string | undefined>;
  /** Records module rows made in their `prepare` (matrix/rows.ts). */
  extra: Record<string, string>;
}

async function post(owner: Owner, path: string, body: unknown): Promise<{ id: string }> {
  const res = await api("POST", `/v1/studios/${owner.studio.id}${path}`, { token: owner.accessToken, body });
  if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export const fixtures = {
  teacher: (owner: Owner) => post(owner, "/teachers", { firstName: "Tess", lastName: `Teacher ${randomUUID().slice(0, 4)}` }),
  student: (owner: Owner, body: Record<string, unknown> = {}) =>
    post(owner, "/students", { firstName: "Sam", lastName: `Student ${randomUUID().slice(0, 4)}`, ...body }),
  family: (owner: Owner) => post(owner, "/families", { name: `Family ${randomUUID().slice(0, 4)}` }),
  guardian: (owner: Owner, familyId: string) =>
    post(owner, `/families/${familyId}/guardians`, { firstName: "Gus", lastName: "Guardian", relationship: "father" }),
  band: (owner: Owner) => post(owner, "/bands", { name: `Band ${randomUUID().slice(0, 4)}` }),
  invitation: (owner: Owner) => post(owner, "/invitations", { email: `invitee-${randomUUID().slice(0, 8)}@example.test`, role: "admin" }),
  async accessRequest(owner: Owner) {
    const email = `asker-${randomUUID().slice(0, 8)}@example.test`;
    await api("POST", `/v1/public/studios/${owner.studio.slug}/access-requests`, {
      body: { email, firstName: "Ask", lastName: "Er", role: "teacher" },
    });
    const list = await api("GET", `/v1/studios/${owner.studio.id}/access-requests?status=pending&limit=100`, { token: owner.accessToken });
    return { id: (list.body.items as Array<{ id: string; email: string }>).find((r) => r.email === email)!.id };
  },
  member: (owner: Owner) => memberWithRole(owner, "teacher").then((m) => ({ id: m.userId })),
  /** An address a permanent bounce of the studio's own mail marked undeliverable (as SES reports it). */
  async bouncedAddress(studioId: string) {
    const email = `bounced-${randomUUID().slice(0, 8)}@example.test`;
    await EmailDelivery.recordSesEvent({
      eventType: "Bounce",
      bounce: { bounceType: "Permanent", bounceSubType: "General", bouncedRecipients: [{ emailAddress: email }] },
      mail: { headers: [{ name: MESSAGE_HEADER, value: messageHeaderValue({ scope: studioId, messageId: `matrix#${email}` }) }] },
    });
    return { id: email };
  },
};

export async function buildWorld(): Promise<World> {
  // A name of its own, so an answer to the outsider that named it could not be mistaken for theirs.
  const [owner, outsider] = await Promise.all([ownerWithStudio({ studioName: `Studio ${randomUUID().slice(0, 8)}` }), ownerWithStudio()]);
  const [teacherA, teacherB, familyF, familyF2] = await Promise.all([
    fixtures.teacher(owner),
    fixtures.teacher(owner),
    fixtures.family(owner),
    fixtures.family(owner),
  ]);
  const [guardianG, guardianG2, studentS1, studentS2, band, invitation, accessRequest] = await Promise.all([
    fixtures.guardian(owner, familyF.id),
    fixtures.guardian(owner, familyF2.id),
    fixtures.student(owner, { primaryTeacherId: teacherA.id, familyId: familyF.id }),
    fixtures.student(owner, { primaryTeacherId: teacherB.id, familyId: familyF2.id }),
    fixtures.band(owner),
    fixtures.invitation(owner),
    fixtures.accessRequest(owner),
  ]);
  const start = new Date(Date.now() + 7 * 86_400_000);
  start.setUTCHours(15, 0, 0, 0);
  const lessonL1 = await post(owner, "/lessons", {
    teacherId: teacherA.id,
    studentId: studentS1.id,
    type: "private",
    scheduledStart: start.toISOString(),
    durationMinutes: 45,
  });
  const joined = await api("PUT", `/v1/studios/${owner.studio.id}/bands/${band.id}/members/${studentS1.id}`, { token: owner.accessToken });
  if (joined.status >= 300) throw new Error(`band member: ${joined.status}`);
  const [admin, teacherOwn, teacherOther, studentSelf, studentOther, parentOwn, parentOther] = await Promise.all([
    memberWithRole(owner, "admin"),
    memberWithRole(owner, "teacher", { teacherId: teacherA.id }),
    memberWithRole(owner, "teacher", { teacherId: teacherB.id }),
    memberWithRole(owner, "student", { studentId: studentS1.id }),
    memberWithRole(owner, "student", { studentId: studentS2.id }),
    memberWithRole(owner, "parent", { guardianId: guardianG.id, familyId: familyF.id }),
    memberWithRole(owner, "parent", { guardianId: guardianG2.id, familyId: familyF2.id }),
  ]);
  return {
    owner,
    studioId: owner.studio.id,
    studioName: owner.studio.name,
    slug: owner.studio.slug,
    teacherA: teacherA.id,
    teacherB: teacherB.id,
    studentS1: studentS1.id,
    studentS2: studentS2.id,
    familyF: familyF.id,
    familyF2: familyF2.id,
    guardianG: guardianG.id,
    guardianG2: guardianG2.id,
    band: band.id,
    lessonL1: lessonL1.id,
    invitation: invitation.id,
    accessRequest: accessRequest.id,
    memberUserId: teacherOther.userId,
    tokens: {
      anonymous: undefined,
      forged: "not-a-token",
      outsider: outsider.accessToken,
      owner: owner.accessToken,
      admin: admin.accessToken,
      teacherOwn: teacherOwn.accessToken,
      teacherOther: teacherOther.accessToken,
      studentSelf: studentSelf.accessToken,
      studentOther: studentOther.accessToken,
      parentOwn: parentOwn.accessToken,
      parentOther: parentOther.accessToken,
    },
    extra: {},
  };
}
