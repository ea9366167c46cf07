/** Who gets a lesson's reminder: its students with an email, and every guardian with one of each student's family. */
export interface ReminderRecipient {
  email: string;
  /** Lower-cased email: one reminder per address, however many roles it has in the lesson. */
  key: string;
  firstName: string;
  /** Who they are in the studio's conversations (`student:<id>`, `guardian:<familyId>:<guardianId>`): whom their replies come from. */
  party: string;
}

interface Person {
  firstName: string;
  email?: string;
  deletedAt?: string;
}
type Student = Person & { studentId: string; familyId?: string };
type Guardian = Person & { familyId: string; guardianId: string };

/**
 * The recipients of one lesson's reminder, each address once (a guardian of two students in the
 * same band lesson gets one email). Deleted people and people without an email get none.
 */
export function reminderRecipients(students: Student[], guardiansOf: (familyId: string) => Guardian[]): ReminderRecipient[] {
  const recipients = new Map<string, ReminderRecipient>();
  const add = (person: Person, party: string) => {
    const email = person.email?.trim();
    if (!email || person.deletedAt) return;
    const key = email.toLowerCase();
    if (!recipients.has(key)) recipients.set(key, { email, key, firstName: person.firstName, party });
  };
  for (const student of students) {
    if (student.deletedAt) continue;
    add(student, `student:${student.studentId}`);
    if (student.familyId) for (const g of guardiansOf(student.familyId)) add(g, `guardian:${g.familyId}:${g.guardianId}`);
  }
  return [...recipients.values()];
}
