import type { Actor } from "../../policy";
import { loadPatternFor } from "./pattern-access";
import { toPattern, type Pattern } from "./pattern-view";

/** One pattern (admins, its teacher, its students, their parents; anyone else 404), in one BatchGet. */
export async function getPattern(actor: Actor, studioId: string, patternId: string): Promise<Pattern> {
  const { studio, pattern } = await loadPatternFor(actor, studioId, patternId);
  return toPattern(pattern, studio.timeZone);
}
