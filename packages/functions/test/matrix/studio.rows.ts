import { api } from "../support/api";
import { fixtures } from "../support/matrix-world";
import { ADMINS, MEMBERS, NON_ADMINS, SEE_B, SEE_F, SEE_S1, adminOnly, except, s, type Row } from "./rows";

/**
 * The studio's own routes and its people, members, invitations, access requests, audit, email
 * delivery, imports and privacy: one row per operation (see rows.ts for the format).
 */
export const STUDIO_ROWS: Record<string, Row> = {
  "GET /v1/studios/{studioId}": { action: "studio.read", allow: MEMBERS, path: (w) => s(w) },
  "PATCH /v1/studios/{studioId}": adminOnly({ action: "studio.update", path: (w) => s(w), body: () => ({ description: "Matrix" }) }),
  "POST /v1/studios/{studioId}/logo-upload": adminOnly({
    action: "studio.branding.upload",
    path: (w) => s(w, "/logo-upload"),
    body: () => ({ contentType: "image/png", contentLength: 10 }),
  }),

  // Every member's own address: nobody else's can be named, so nobody is refused with 403.
  "GET /v1/studios/{studioId}/booking-settings": { action: "studio.read", allow: MEMBERS, path: (w) => s(w, "/booking-settings") },
  "PUT /v1/studios/{studioId}/booking-settings": adminOnly({
    action: "booking-settings.set",
    path: (w) => s(w, "/booking-settings"),
    body: () => ({
      trialsEnabled: true,
      trialLengths: [30],
      trialPriceMinor: 0,
      minNoticeHours: 24,
      horizonDays: 28,
      lessonPrices: [{ minutes: 30, priceMinor: 3000 }],
      businessHours: [{ weekday: 1, start: "09:00", end: "17:00" }],
    }),
  }),
  "GET /v1/studios/{studioId}/me/notifications": { action: "studio.read", allow: MEMBERS, path: (w) => s(w, "/me/notifications") },
  "PUT /v1/studios/{studioId}/me/notifications": {
    action: "studio.read",
    allow: MEMBERS,
    path: (w) => s(w, "/me/notifications"),
    body: () => ({ reminders: true }),
  },

  "GET /v1/studios/{studioId}/teachers": { action: "studio.read", allow: MEMBERS, path: (w) => s(w, "/teachers") },
  "POST /v1/studios/{studioId}/teachers": adminOnly({
    action: "teacher.manage",
    path: (w) => s(w, "/teachers"),
    body: () => ({ firstName: "New", lastName: "Teacher" }),
  }),
  "GET /v1/studios/{studioId}/teachers/{teacherId}": { action: "studio.read", allow: MEMBERS, path: (w) => s(w, `/teachers/${w.teacherA}`) },
  "PATCH /v1/studios/{studioId}/teachers/{teacherId}": {
    action: "teacher.edit",
    allow: [...ADMINS, "teacherOwn"],
    forbid: except(NON_ADMINS, "teacherOwn"),
    path: (w) => s(w, `/teachers/${w.teacherA}`),
    body: () => ({ bio: "Matrix bio" }),
  },
  "POST /v1/studios/{studioId}/teachers/{teacherId}/photo-upload": {
    action: "teacher.edit",
    allow: [...ADMINS, "teacherOwn"],
    forbid: except(NON_ADMINS, "teacherOwn"),
    path: (w) => s(w, `/teachers/${w.teacherA}/photo-upload`),
    body: () => ({ contentType: "image/png", contentLength: 1024 }),
  },
  "DELETE /v1/studios/{studioId}/teachers/{teacherId}": adminOnly({
    action: "teacher.manage",
    path: (w, t) => s(w, `/teachers/${t}`),
    target: (w) => w.teacherA,
    fresh: (w) => fixtures.teacher(w.owner),
  }),
  "POST /v1/studios/{studioId}/teachers/{teacherId}/restore": adminOnly({
    action: "teacher.manage",
    path: (w, t) => s(w, `/teachers/${t}/restore`),
    target: (w) => w.teacherA,
    fresh: async (w) => {
      const t = await fixtures.teacher(w.owner);
      await api("DELETE", s(w, `/teachers/${t.id}`), { token: w.owner.accessToken });
      return t;
    },
  }),

  "GET /v1/studios/{studioId}/students": { action: "studio.read", allow: MEMBERS, path: (w) => s(w, "/students") },
  "POST /v1/studios/{studioId}/students": adminOnly({
    action: "student.manage",
    path: (w) => s(w, "/students"),
    body: () => ({ firstName: "New", lastName: "Student" }),
  }),
  "GET /v1/studios/{studioId}/students/{studentId}": { action: "student.view", allow: SEE_S1, path: (w) => s(w, `/students/${w.studentS1}`) },
  "PATCH /v1/studios/{studioId}/students/{studentId}": {
    action: "student.edit",
    allow: [...ADMINS, "teacherOwn"],
    forbid: ["studentSelf", "parentOwn"],
    path: (w) => s(w, `/students/${w.studentS1}`),
    body: () => ({ notes: "Matrix notes" }),
  },
  "DELETE /v1/studios/{studioId}/students/{studentId}": {
    action: "student.manage",
    allow: ADMINS,
    forbid: except(SEE_S1, ...ADMINS),
    path: (w, t) => s(w, `/students/${t}`),
    target: (w) => w.studentS1,
    fresh: (w) => fixtures.student(w.owner),
  },
  "POST /v1/studios/{studioId}/students/{studentId}/restore": {
    action: "student.manage",
    allow: ADMINS,
    forbid: except(SEE_S1, ...ADMINS),
    path: (w, t) => s(w, `/students/${t}/restore`),
    target: (w) => w.studentS1,
    fresh: async (w) => {
      const student = await fixtures.student(w.owner);
      await api("DELETE", s(w, `/students/${student.id}`), { token: w.owner.accessToken });
      return student;
    },
  },

  "GET /v1/studios/{studioId}/families": adminOnly({ action: "family.manage", path: (w) => s(w, "/families") }),
  "POST /v1/studios/{studioId}/families": adminOnly({ action: "family.manage", path: (w) => s(w, "/families"), body: () => ({ name: "New Family" }) }),
  "GET /v1/studios/{studioId}/families/{familyId}": { action: "family.view", allow: SEE_F, path: (w) => s(w, `/families/${w.familyF}`) },
  "PATCH /v1/studios/{studioId}/families/{familyId}": {
    action: "family.edit",
    allow: [...ADMINS, "parentOwn"],
    forbid: ["teacherOwn"],
    path: (w) => s(w, `/families/${w.familyF}`),
    body: () => ({ phone: "+1 555 0100" }),
  },
  "DELETE /v1/studios/{studioId}/families/{familyId}": {
    action: "family.delete",
    allow: ADMINS,
    forbid: except(SEE_F, ...ADMINS),
    path: (w, t) => s(w, `/families/${t}`),
    target: (w) => w.familyF,
    fresh: (w) => fixtures.family(w.owner),
  },
  // Restoring is decided on the role alone (any id gets the same 403), before looking at the record.
  "POST /v1/studios/{studioId}/families/{familyId}/restore": {
    action: "family.manage",
    allow: ADMINS,
    forbid: NON_ADMINS,
    path: (w, t) => s(w, `/families/${t}/restore`),
    target: (w) => w.familyF,
    fresh: async (w) => {
      const family = await fixtures.family(w.owner);
      await api("DELETE", s(w, `/families/${family.id}`), { token: w.owner.accessToken });
      return family;
    },
  },
  "GET /v1/studios/{studioId}/families/{familyId}/guardians": { action: "family.view", allow: SEE_F, path: (w) => s(w, `/families/${w.familyF}/guardians`) },
  "POST /v1/studios/{studioId}/families/{familyId}/guardians": {
    action: "guardian.add",
    allow: ADMINS,
    forbid: except(SEE_F, ...ADMINS),
    path: (w) => s(w, `/families/${w.familyF}/guardians`),
    body: () => ({ firstName: "Nan", lastName: "Guardian", relationship: "grandparent" }),
  },
  "PATCH /v1/studios/{studioId}/families/{familyId}/guardians/{guardianId}": {
    action: "guardian.edit",
    allow: [...ADMINS, "parentOwn"],
    forbid: ["teacherOwn"],
    path: (w) => s(w, `/families/${w.familyF}/guardians/${w.guardianG}`),
    body: () => ({ phone: "+1 555 0101" }),
  },
  "DELETE /v1/studios/{studioId}/families/{familyId}/guardians/{guardianId}": {
    action: "guardian.remove",
    allow: ADMINS,
    forbid: except(SEE_F, ...ADMINS),
    path: (w, t) => s(w, `/families/${w.familyF}/guardians/${t}`),
    target: (w) => w.guardianG,
    fresh: (w) => fixtures.guardian(w.owner, w.familyF),
  },

  "GET /v1/studios/{studioId}/bands": adminOnly({ action: "band.manage", path: (w) => s(w, "/bands") }),
  "POST /v1/studios/{studioId}/bands": adminOnly({ action: "band.manage", path: (w) => s(w, "/bands"), body: () => ({ name: "New Band" }) }),
  "GET /v1/studios/{studioId}/bands/{bandId}": { action: "band.view", allow: SEE_B, path: (w) => s(w, `/bands/${w.band}`) },
  "PATCH /v1/studios/{studioId}/bands/{bandId}": {
    action: "band.change",
    allow: ADMINS,
    forbid: except(SEE_B, ...ADMINS),
    path: (w) => s(w, `/bands/${w.band}`),
    body: () => ({ notes: "Matrix" }),
  },
  "DELETE /v1/studios/{studioId}/bands/{bandId}": {
    action: "band.change",
    allow: ADMINS,
    forbid: except(SEE_B, ...ADMINS),
    path: (w, t) => s(w, `/bands/${t}`),
    target: (w) => w.band,
    fresh: (w) => fixtures.band(w.owner),
  },
  "POST /v1/studios/{studioId}/bands/{bandId}/restore": {
    action: "band.manage",
    allow: ADMINS,
    forbid: NON_ADMINS,
    path: (w, t) => s(w, `/bands/${t}/restore`),
    target: (w) => w.band,
    fresh: async (w) => {
      const band = await fixtures.band(w.owner);
      await api("DELETE", s(w, `/bands/${band.id}`), { token: w.owner.accessToken });
      return band;
    },
  },
  "PUT /v1/studios/{studioId}/bands/{bandId}/members/{studentId}": {
    action: "band.change",
    allow: ADMINS,
    forbid: except(SEE_B, ...ADMINS),
    path: (w) => s(w, `/bands/${w.band}/members/${w.studentS1}`),
  },
  "DELETE /v1/studios/{studioId}/bands/{bandId}/members/{studentId}": {
    action: "band.change",
    allow: ADMINS,
    forbid: except(SEE_B, ...ADMINS),
    path: (w, t) => s(w, `/bands/${t}/members/${w.studentS1}`),
    target: (w) => w.band,
    fresh: async (w) => {
      const band = await fixtures.band(w.owner);
      await api("PUT", s(w, `/bands/${band.id}/members/${w.studentS1}`), { token: w.owner.accessToken });
      return band;
    },
  },

  "GET /v1/studios/{studioId}/members": adminOnly({ action: "member.manage", path: (w) => s(w, "/members") }),
  "PATCH /v1/studios/{studioId}/members/{userId}": adminOnly({
    action: "member.manage",
    path: (w) => s(w, `/members/${w.memberUserId}`),
    body: () => ({ role: "teacher" }),
  }),
  "DELETE /v1/studios/{studioId}/members/{userId}": adminOnly({
    action: "member.manage",
    path: (w, t) => s(w, `/members/${t}`),
    target: (w) => w.memberUserId,
    fresh: (w) => fixtures.member(w.owner),
  }),
  "POST /v1/studios/{studioId}/members/{userId}/deactivate": adminOnly({
    action: "member.manage",
    path: (w, t) => s(w, `/members/${t}/deactivate`),
    target: (w) => w.memberUserId,
    fresh: (w) => fixtures.member(w.owner),
  }),
  "POST /v1/studios/{studioId}/members/{userId}/reactivate": adminOnly({
    action: "member.manage",
    path: (w, t) => s(w, `/members/${t}/reactivate`),
    target: (w) => w.memberUserId,
    fresh: async (w) => {
      const member = await fixtures.member(w.owner);
      await api("POST", s(w, `/members/${member.id}/deactivate`), { token: w.owner.accessToken });
      return member;
    },
  }),

  "POST /v1/studios/{studioId}/invitations": adminOnly({
    action: "invitation.manage",
    path: (w) => s(w, "/invitations"),
    body: () => ({ email: `matrix-${Math.random().toString(36).slice(2)}@example.test`, role: "admin" }),
  }),
  "GET /v1/studios/{studioId}/invitations": adminOnly({ action: "invitation.manage", path: (w) => s(w, "/invitations") }),
  "GET /v1/studios/{studioId}/invitations/{invitationId}": adminOnly({ action: "invitation.manage", path: (w) => s(w, `/invitations/${w.invitation}`) }),
  "POST /v1/studios/{studioId}/invitations/{invitationId}/resend": adminOnly({
    action: "invitation.manage",
    path: (w) => s(w, `/invitations/${w.invitation}/resend`),
  }),
  "POST /v1/studios/{studioId}/invitations/{invitationId}/revoke": adminOnly({
    action: "invitation.manage",
    path: (w, t) => s(w, `/invitations/${t}/revoke`),
    target: (w) => w.invitation,
    fresh: (w) => fixtures.invitation(w.owner),
  }),

  "GET /v1/studios/{studioId}/access-requests": adminOnly({ action: "access-request.manage", path: (w) => s(w, "/access-requests") }),
  "GET /v1/studios/{studioId}/access-requests/{requestId}": adminOnly({
    action: "access-request.manage",
    path: (w) => s(w, `/access-requests/${w.accessRequest}`),
  }),
  // The workspace's landing page: staff only (a teacher gets their own day), never students or parents.
  "GET /v1/studios/{studioId}/today": {
    action: "workspace.today",
    allow: ["owner", "admin", "teacherOwn", "teacherOther"],
    forbid: ["studentSelf", "studentOther", "parentOwn", "parentOther"],
    path: (w) => s(w, "/today"),
  },
  // What a page's selects choose from: every member, each list as its own list route gives it to them.
  "GET /v1/studios/{studioId}/choices": {
    action: "studio.read",
    allow: MEMBERS,
    path: (w) => s(w, "/choices?include=teachers&include=students&include=families&include=bands&include=rooms"),
  },
  // The portal's Home: students and parents only (each their own household); staff have the workspace.
  "GET /v1/studios/{studioId}/portal": {
    action: "portal.view",
    allow: ["studentSelf", "studentOther", "parentOwn", "parentOther"],
    forbid: ["owner", "admin", "teacherOwn", "teacherOther"],
    path: (w) => s(w, "/portal"),
  },
  "POST /v1/studios/{studioId}/access-requests/{requestId}/approve": adminOnly({
    action: "access-request.manage",
    path: (w, t) => s(w, `/access-requests/${t}/approve`),
    target: (w) => w.accessRequest,
    body: (w) => ({ teacherId: w.teacherB }),
    fresh: (w) => fixtures.accessRequest(w.owner),
  }),
  "POST /v1/studios/{studioId}/access-requests/{requestId}/reject": adminOnly({
    action: "access-request.manage",
    path: (w, t) => s(w, `/access-requests/${t}/reject`),
    target: (w) => w.accessRequest,
    fresh: (w) => fixtures.accessRequest(w.owner),
  }),

  "GET /v1/studios/{studioId}/audit-events": adminOnly({ action: "audit.view", path: (w) => s(w, "/audit-events") }),
  "GET /v1/studios/{studioId}/email-delivery/problems": adminOnly({ action: "email-delivery.manage", path: (w) => s(w, "/email-delivery/problems") }),
  // Staff pages warn about a person's addresses: admins and every teacher (no record is named).
  "GET /v1/studios/{studioId}/email-delivery/undeliverable": {
    action: "email-delivery.check",
    allow: [...ADMINS, "teacherOwn", "teacherOther"],
    forbid: ["studentSelf", "studentOther", "parentOwn", "parentOther"],
    path: (w) => s(w, "/email-delivery/undeliverable?emails=someone%40example.com"),
  },
  // Tried by an admin, a bounce of the studio's own mail: a fresh one per allowed call.
  "POST /v1/studios/{studioId}/email-delivery/undeliverable/{email}/retry": adminOnly({
    action: "email-delivery.manage",
    path: (w, t) => s(w, `/email-delivery/undeliverable/${encodeURIComponent(t)}/retry`),
    target: () => "nobody@example.test",
    fresh: (w) => fixtures.bouncedAddress(w.studioId),
  }),

  "POST /v1/studios/{studioId}/imports": adminOnly({
    action: "import.run",
    path: (w) => s(w, "/imports"),
    body: () => ({ kind: "families", csv: "name\nMatrix Family\n", dryRun: true }),
  }),
  // Everyone may export their own data (parents their children's); a teacher sees but may not export a student.
  "POST /v1/studios/{studioId}/privacy/exports": {
    action: "privacy.export",
    allow: [...ADMINS, "studentSelf", "parentOwn"],
    forbid: ["teacherOwn"],
    path: (w) => s(w, "/privacy/exports"),
    body: (w) => ({ subject: { type: "student", id: w.studentS1 } }),
  },
  "POST /v1/studios/{studioId}/privacy/erasures": adminOnly({
    action: "privacy.erase",
    // Erasure is idempotent, so the allowed calls may share a subject.
    path: (w) => s(w, "/privacy/erasures"),
    body: (w) => ({ subject: { type: "student", id: w.studentS2 } }),
  }),
};
