import { describe, expect, it } from "vitest";
import { AppError } from "../../src/kernel/errors";
import { ACTIONS, assertMay, may, type Action, type StudioMember } from "../../src/policy";

/**
 * The permission catalogue as a table: each row is an action with the facts its rule gets and
 * the members it allows; every other member is refused, with a 404 where the thing stays hidden
 * and a 403 everywhere else. Teacher A teaches S1 of family F; teacher B teaches S2 of family F2.
 */
const MEMBERS = {
  owner: { role: "owner" },
  admin: { role: "admin" },
  teacherA: { role: "teacher", teacherId: "T-A" },
  teacherB: { role: "teacher", teacherId: "T-B" },
  studentS1: { role: "student", studentId: "S1" },
  studentS2: { role: "student", studentId: "S2" },
  parentF: { role: "parent", familyId: "F", guardianId: "G1" },
  parentF2: { role: "parent", familyId: "F2", guardianId: "G2" },
} as const;
type Name = keyof typeof MEMBERS;
const memberOf = (name: Name): StudioMember => ({ userId: name, ...MEMBERS[name] });

const ADMINS: Name[] = ["owner", "admin"];
const STAFF: Name[] = [...ADMINS, "teacherA", "teacherB"];
const HOUSEHOLDS: Name[] = ["studentS1", "studentS2", "parentF", "parentF2"];
const ALL = Object.keys(MEMBERS) as Name[];

const S1 = { studentId: "S1", primaryTeacherId: "T-A", familyId: "F" };
/** A parent's family's students (what loadLessonFor reads for a parent). */
const family = (name: Name) => (name === "parentF" ? ["S1"] : name === "parentF2" ? ["S2"] : []);
const L1 = (name: Name) => ({ teacherId: "T-A", studentIds: ["S1"], familyStudentIds: family(name) });

/** Actions refused with a 404 (the member must not learn the thing exists); all others 403. */
const HIDDEN: Action[] = [
  "student.view",
  "event.view",
  "family.view",
  "band.view",
  "lesson.view",
  "lesson.attendee.view",
  "reschedule.view",
  "calendar-feed.revoke",
  "note.view",
  "lesson-plan.view",
  "billing-account.view",
  "item.view",
  "loan.view",
  "loan.request",
  "lead.view",
  "lead.note",
  "resource.view",
  "room.view",
  "course.view",
  "class-slot.view",
  "thread.view",
];

type Row = [action: Action, facts: unknown, allowed: Name[]];
const adminOnly = (...actions: Action[]): Row[] => actions.map((action) => [action, undefined, ADMINS]);

const TABLE: Row[] = [
  ["studio.read", undefined, ALL],
  ...adminOnly(
    "studio.update",
    "studio.branding.upload",
    "booking-settings.set",
    "member.manage",
    "invitation.manage",
    "access-request.manage",
    "audit.view",
    "import.run",
  ),
  ...adminOnly("email-delivery.manage", "privacy.erase"),
  ["email-delivery.check", undefined, STAFF],
  ["workspace.today", undefined, STAFF],
  ["portal.view", undefined, HOUSEHOLDS],
  ["privacy.export", { type: "student", id: "S1", familyId: "F" }, [...ADMINS, "studentS1", "parentF"]],
  ["privacy.export", { type: "teacher", id: "T-A" }, [...ADMINS, "teacherA"]],
  ["privacy.export", { type: "guardian", id: "G1", familyId: "F" }, [...ADMINS, "parentF"]],

  ...adminOnly("teacher.manage", "student.manage", "family.manage", "family.delete", "guardian.add", "guardian.remove", "band.manage", "band.change"),
  ["teacher.edit", { teacherId: "T-A" }, [...ADMINS, "teacherA"]],
  ["availability.set", { teacherId: "T-B" }, [...ADMINS, "teacherB"]],
  ["student.view", S1, [...ADMINS, "teacherA", "studentS1", "parentF"]],
  ["student.edit", S1, [...ADMINS, "teacherA"]],
  ["family.view", (name: Name) => ({ familyId: "F", teachesAStudentOfIt: name === "teacherA" }), [...ADMINS, "teacherA", "parentF"]],
  ["family.edit", { familyId: "F" }, [...ADMINS, "parentF"]],
  ["guardian.edit", { familyId: "F", guardianId: "G1" }, [...ADMINS, "parentF"]],
  ["guardian.edit", { familyId: "F", guardianId: "G9" }, ADMINS],
  ["band.view", (name: Name) => ({ memberStudentIds: ["S1"], teachesAMember: name === "teacherA" }), [...ADMINS, "teacherA", "studentS1"]],

  ["lesson.schedule", undefined, STAFF],
  ["lesson.view", L1, [...ADMINS, "teacherA", "studentS1", "parentF"]],
  // Teacher B substitutes for teacher A: both see and run the lesson.
  ["lesson.view", (name: Name) => ({ ...L1(name), teacherId: "T-B", originalTeacherId: "T-A" }), [...ADMINS, "teacherA", "teacherB", "studentS1", "parentF"]],
  ["lesson.teach", { teacherId: "T-B", originalTeacherId: "T-A" }, [...STAFF]],
  ["lesson.teach", { teacherId: "T-A" }, [...ADMINS, "teacherA"]],
  ["lesson.attendee.view", (name: Name) => ({ studentId: "S1", familyStudentIds: family(name) }), [...STAFF, "studentS1", "parentF"]],
  ["lesson.cancel", { teacherId: "T-A" }, [...ADMINS, "teacherA", ...HOUSEHOLDS]],
  ["reschedule.request", L1, ["studentS1", "parentF"]],
  ["reschedule.view", { teacherIds: ["T-A", "T-A", undefined], studentId: "S1", familyId: "F" }, [...ADMINS, "teacherA", "studentS1", "parentF"]],
  ["reschedule.withdraw", { requestedBy: "parentF" }, ["parentF"]],
  ...adminOnly("cancellation-policy.set", "closure.manage"),
  ["pattern.change", { teacherId: "T-A" }, [...ADMINS, "teacherA"]],
  ["calendar-feed.subscribe", { type: "teacher", id: "T-A" }, [...ADMINS, "teacherA"]],
  ["calendar-feed.subscribe", { type: "student", id: "S1", familyId: "F" }, [...ADMINS, "studentS1", "parentF"]],
  ["calendar-feed.subscribe", { type: "family", id: "F" }, [...ADMINS, "parentF"]],
  ["calendar-feed.revoke", { ownerUserId: "studentS2" }, [...ADMINS, "studentS2"]],

  ["note.view", { visibleToStudent: true, visibleToParent: false }, [...STAFF, "studentS1", "studentS2"]],
  ["note.view", { visibleToStudent: false, visibleToParent: true }, [...STAFF, "parentF", "parentF2"]],
  ["goal.write", S1, [...ADMINS, "teacherA"]],
  ["practice-log.write", S1, [...ADMINS, "studentS1", "parentF"]],
  ["lesson-plan.use", undefined, STAFF],
  ["lesson-plan.view", { teacherId: "T-A", isPublic: false }, [...ADMINS, "teacherA"]],
  ["lesson-plan.view", { teacherId: "T-A", isPublic: true }, STAFF],
  ["lesson-plan.edit", { teacherId: "T-A" }, [...ADMINS, "teacherA"]],

  ...adminOnly("billing-settings.manage", "fee-plan.manage", "billing-account.manage", "invoice.create", "payment.record", "payment.refund"),
  ...adminOnly("billing-run.manage", "billing-summary.view", "invoice.update", "invoice.delete", "invoice.send", "invoice.void", "invoice.credit"),
  ["billing-account.view", { accountId: "F", kind: "family", students: [S1] }, [...ADMINS, "teacherA", "parentF"]],
  ["billing-account.view", { accountId: "S1", kind: "student", students: [S1] }, [...ADMINS, "teacherA", "studentS1", "parentF"]],
  ["billing-account.view", { accountId: "B", kind: "band", students: [] }, ADMINS],
  ["billing-account.view-details", { accountId: "F", kind: "family", students: [S1] }, [...ADMINS, "parentF"]],
  ["billing-account.view-details", { accountId: "S1", kind: "student", students: [S1] }, [...ADMINS, "studentS1", "parentF"]],

  ["item.view", { isBorrowable: true }, ALL],
  ["item.view", { isBorrowable: false }, STAFF],
  ...adminOnly("item.manage", "loan.decide"),
  ["item.history", undefined, STAFF],
  ["loan.view", S1, [...ADMINS, "teacherA", "studentS1", "parentF"]],
  ["loan.request", S1, [...ADMINS, "teacherA", "studentS1", "parentF"]],
  ["loan.withdraw", S1, [...ADMINS, "studentS1", "parentF"]],
  ["lead.view", { assignedTeacherId: "T-A" }, [...ADMINS, "teacherA"]],
  ["lead.view", {}, ADMINS],
  ["lead.note", { assignedTeacherId: "T-A" }, [...ADMINS, "teacherA"]],
  ["lead.list", undefined, STAFF],
  ...adminOnly("lead.manage"),
  ["resource.upload", undefined, STAFF],
  ["resource.materials", undefined, HOUSEHOLDS],
  ["resource.view", { createdBy: "teacherB" }, STAFF],
  // A document on S1's record: admins and S1's teacher (the loader says whether the member keeps S1).
  [
    "resource.view",
    (name: Name) => ({ createdBy: "admin", person: { kind: "student", id: "S1", keptByMember: name === "teacherA" || ADMINS.includes(name) } }),
    [...ADMINS, "teacherA"],
  ],
  ["resource.view", { createdBy: "admin", person: { kind: "teacher", id: "T-B", keptByMember: false } }, [...ADMINS, "teacherB"]],
  ["resource.edit", { createdBy: "teacherA" }, [...ADMINS, "teacherA"]],
  ["resource.share", (name: Name) => ({ audienceKind: "student", keptByMember: name === "teacherA" }), [...ADMINS, "teacherA"]],
  ["resource.share", { audienceKind: "all_students", keptByMember: true }, ADMINS],
  ["resource.share", { audienceKind: "public", keptByMember: true }, ADMINS],

  ["course.view", undefined, ALL],
  ["class.manage", undefined, ADMINS],
  ["class-slot.view", { teacherId: "T-A" }, [...ADMINS, "teacherA"]],
  ["class-slot.teach", { teacherId: "T-A" }, [...ADMINS, "teacherA"]],

  ...adminOnly("room.manage"),
  ["room.view", { bookableBy: "staff" }, STAFF],
  ["room.view", { bookableBy: "students" }, ALL],
  ["room.reserve", { bookableBy: "students", student: S1 }, [...STAFF, "studentS1", "parentF"]],
  ["room.reserve", { bookableBy: "staff", student: S1 }, STAFF],
  ["room.reserve", { bookableBy: "students", student: null }, STAFF],
  ["reservation.cancel", { reservedBy: "teacherB", student: S1 }, [...ADMINS, "teacherB", "studentS1", "parentF"]],
  ["reservation.cancel", { reservedBy: "owner", student: null }, ADMINS],

  ["thread.start", { hasProfile: true }, ALL],
  ["thread.start", { hasProfile: false }, ADMINS],
  // Thread T1: teacher A with family F (facts say whether the member speaks as one of its participants).
  ["thread.view", (name: Name) => ({ takesPart: name === "teacherA" || name === "parentF" }), [...ADMINS, "teacherA", "parentF"]],
  ...adminOnly("thread.oversee"),
  ...adminOnly("announcement.manage"),
  ...adminOnly("event.manage"),
  ["event.view", { inAudience: false, isPublic: true }, ALL],
  ["event.view", (name: Name) => ({ inAudience: name === "parentF", isPublic: false }), [...ADMINS, "parentF"]],
  ["event.respond", (name: Name) => ({ speaksFor: name === "parentF" || name === "teacherA" }), [...ADMINS, "parentF", "teacherA"]],
  ...adminOnly("usage.view"),
  ["api-key.manage", undefined, ["owner"]],
  ["webhook.manage", undefined, ["owner"]],
  ["domain.manage", undefined, ["owner"]],
  ...adminOnly("platform-billing.view"),
  ["platform-billing.manage", undefined, ["owner"]],
];

/** The catalogue called with any action (the table holds every action's facts). */
const mayAny = may as (member: StudioMember, action: Action, facts?: unknown) => boolean;
const assertAny = assertMay as (member: StudioMember, action: Action, facts?: unknown) => void;
const factsFor = (facts: unknown, name: Name) => (typeof facts === "function" ? facts(name) : facts);

describe("permission catalogue", () => {
  it("has a row for every action", () => {
    expect(ACTIONS.filter((action) => !TABLE.some(([a]) => a === action))).toEqual([]);
  });

  TABLE.forEach(([action, facts, allowed], i) => {
    it(`${action} (row ${i + 1}) allows ${allowed.join(", ")}`, () => {
      const got = ALL.filter((name) => mayAny(memberOf(name), action, factsFor(facts, name)));
      expect(got).toEqual(ALL.filter((name) => allowed.includes(name)));
    });

    it(`${action} (row ${i + 1}) refuses the others with ${HIDDEN.includes(action) ? 404 : 403}`, () => {
      for (const name of ALL) {
        const call = () => assertAny(memberOf(name), action, factsFor(facts, name));
        if (allowed.includes(name)) expect(call).not.toThrow();
        else expect(call).toThrow(expect.objectContaining({ code: HIDDEN.includes(action) ? "not_found" : "forbidden" }));
      }
    });
  });

  it("refuses with the API's reasons", () => {
    const reason = (name: Name, action: Action, facts?: unknown) => {
      try {
        assertAny(memberOf(name), action, facts);
      } catch (error) {
        return error instanceof AppError ? [error.reason, error.message] : error;
      }
    };
    expect(reason("teacherA", "studio.update")).toEqual(["role.not_allowed", "Your role (teacher) may not do this in this studio"]);
    expect(reason("studentS1", "lesson.teach", { teacherId: "T-A" })).toEqual([
      "lesson.teachers_only",
      "Only the studio's admins and the lesson's teachers may do this",
    ]);
    expect(reason("studentS2", "lesson.view", L1("studentS2"))).toEqual(["not_found", "Lesson not found"]);
    expect(reason("parentF", "band.change")).toEqual(["band.role_not_allowed", "Your role (parent) may not change bands"]);
    expect(reason("teacherA", "guardian.remove")).toEqual(["family.role_not_allowed", "Your role may not remove guardians"]);
    expect(reason("teacherA", "billing-account.view-details", { accountId: "F", kind: "family", students: [S1] })).toEqual([
      "billing.teacher_totals_only",
      "Teachers see only the totals and statuses of their students' billing",
    ]);
  });
});
