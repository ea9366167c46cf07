/** The small things the catalogue's rules need to know about a record (never the record itself). */

/** A student, as the people rules see them. */
export interface StudentFacts {
  studentId: string;
  primaryTeacherId?: string;
  familyId?: string;
}

/** A lesson (or a recurring pattern, which is read like one) and, for a parent, their family's students. */
export interface LessonFacts {
  teacherId: string;
  originalTeacherId?: string;
  studentIds: readonly string[];
  /** For a parent: the students of their family; otherwise empty. */
  familyStudentIds: readonly string[];
}

/** Who teaches a lesson or pattern: its teacher and the teacher it was booked with. */
export interface TeachingFacts {
  teacherId: string;
  originalTeacherId?: string;
}

/** One student of a lesson (an attendance entry, a name on a calendar) and a parent's family students. */
export interface AttendeeFacts {
  studentId: string;
  familyStudentIds: readonly string[];
}

/** A lesson note's visibility flags. */
export interface NoteFacts {
  visibleToStudent: boolean;
  visibleToParent: boolean;
}

/** A family, and whether the member (a teacher) teaches one of its students. */
export interface FamilyFacts {
  familyId: string;
  teachesAStudentOfIt: boolean;
}

/** A band's member students, and whether the member (a teacher) teaches one of them. */
export interface BandFacts {
  memberStudentIds: readonly string[];
  teachesAMember: boolean;
}

/** A lesson plan: its author and whether other teachers see it. */
export interface PlanFacts {
  teacherId: string;
  isPublic: boolean;
}

/** A reschedule request: the teachers it concerns (asked, teaching now, booked with), its student and family. */
export interface RequestFacts {
  teacherIds: readonly (string | undefined)[];
  studentId: string;
  familyId?: string;
}

/** A billing account: its id is the party's id (familyId, bandId or studentId), and its live students. */
export interface BillingAccountFacts {
  accountId: string;
  kind: "family" | "student" | "band";
  students: readonly StudentFacts[];
}

/** A person whose data is asked for (privacy) or whose lessons are subscribed to (calendar feeds). */
export interface PersonFacts {
  type: "student" | "teacher" | "guardian" | "family";
  id: string;
  /** The person's family: a student's, a guardian's. */
  familyId?: string;
}

/** An inventory item, as the lending rules see it. */
export interface ItemFacts {
  isBorrowable: boolean;
}

/** A resource as the policy sees it: who uploaded it and, for a person document, whose record it is on. */
export interface ResourceFacts {
  createdBy: string;
  /** `keptByMember`: the member is an admin or the teacher of the student (or of a student of the family) it is about. */
  person?: { kind: "student" | "family" | "teacher"; id: string; keptByMember: boolean };
}

/** A share as the policy sees it: to whom, and whether the member teaches them (a student they keep, a lesson they teach…). */
export interface ShareFacts {
  audienceKind: "student" | "family" | "band" | "lesson" | "note" | "all_students" | "public";
  keptByMember: boolean;
}

/** A room as the policy sees it: who may reserve it. */
export interface RoomFacts {
  bookableBy: "staff" | "students";
}

/** A reservation as the policy sees it: who made it and whom it is for. */
export interface ReservationFacts {
  reservedBy: string;
  student: StudentFacts | null;
}

/** A lead, as the leads rules see it: the teacher it is assigned to. */
export interface LeadFacts {
  assignedTeacherId?: string;
}

/** A thread, as the messaging rules see it: whether the member speaks as one of its participants. */
export interface ThreadFacts {
  takesPart: boolean;
}
