/** Who gets a lesson's reminder: its students with an email, and every guardian with one of each student's family. */
export interface ReminderRecipient {
  email: string;
  /** Lower-cased email: one reminder per address, however many roles it has in the lesson. */
  key: string;
  firstName: string;
}

interface Person {
  firstName: string;
  email?: string;
  deletedAt?: string;
}

/**
 * The recipients of one lesson's reminder, each address once (a guardian of two students in the
 * same band lesson gets one email). Deleted people and people without an email get none.
 */
export function reminderRecipients(students: Array<Person & { familyId?: string }>, guardiansOf: (familyId: string) => Person[]): ReminderRecipient[] {
  const recipients = new Map<string, ReminderRecipient>();
  const add = (person: Person) => {
    const email = person.email?.trim();
    if (!email || person.deletedAt) return;
    const key = email.toLowerCase();
    if (!recipients.has(key)) recipients.set(key, { email, key, firstName: person.firstName });
  };
  for (const student of students) {
    if (student.deletedAt) continue;
    add(student);
    if (student.familyId) guardiansOf(student.familyId).forEach(add);
  }
  return [...recipients.values()];
}
