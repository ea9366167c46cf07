import { leadsDb } from "../leads-db";

/**
 * The studio's listed teachers by email (lower case): one Query of the teachers' email index
 * (gsi3), made only when a row names a teacher. An email two teachers share names neither.
 */
export async function teachersByEmail(studioId: string): Promise<Map<string, string | null>> {
  const { data } = await leadsDb()
    .entities.teacher.query.teachersByEmail({ studioId, listing: "listed" })
    .go({ pages: "all", attributes: ["teacherId", "emailKey"] });
  const teachers = new Map<string, string | null>();
  for (const { teacherId, emailKey } of data) {
    if (!emailKey || emailKey === "~") continue;
    teachers.set(emailKey, teachers.has(emailKey) ? null : teacherId);
  }
  return teachers;
}
