import { randomUUID } from "node:crypto";
import { db } from "@studiosync/core/db";
import { searchKeys } from "@studiosync/core/people";

const FIRST = ["Ada", "Ben", "Cleo", "Dev", "Esme", "Finn", "Gus", "Hana", "Ivo", "Jude", "Kai", "Lena", "Milo", "Nia", "Otto"];
const LAST = ["Okafor", "Lindqvist", "Moreau", "Tanaka", "Silva", "Novak", "Reyes", "Haddad", "Kowalski", "Byrne"];
const INSTRUMENTS = ["piano", "guitar", "violin", "voice", "drums", "cello"];

/**
 * Writes `count` students straight into a studio's partition (BatchWriteItem, 25 at a time) so the
 * bench can compare a list's cost in a small and a large studio. Untimed setup, not an API path.
 */
export async function seedStudents(studioId: string, count: number): Promise<void> {
  const students = Array.from({ length: count }, (_, i) => {
    const firstName = FIRST[i % FIRST.length]!;
    const lastName = `${LAST[Math.floor(i / FIRST.length) % LAST.length]!}-${i}`;
    return {
      studioId,
      studentId: randomUUID(),
      firstName,
      lastName,
      instrument: INSTRUMENTS[i % INSTRUMENTS.length]!,
      createdBy: "bench",
      updatedBy: "bench",
      ...searchKeys(`${firstName} ${lastName}`),
    };
  });
  for (let i = 0; i < students.length; i += 25) {
    const { unprocessed } = await db()
      .entities.student.put(students.slice(i, i + 25))
      .go();
    if (unprocessed.length)
      await db()
        .entities.student.put(unprocessed as never)
        .go();
  }
}
