import { db } from "../db";
import { searchKeys } from "../people";

/** What a `familyName` cell names: the one listed family of that name, or why there is none. */
export type FamilyMatch = { familyId: string } | { error: string };

/**
 * Finds the listed families a students CSV names, by name key (case, accents and spacing do not
 * matter): one Query of the families' name index per distinct name. None or several of that name
 * fail the rows that name it.
 */
export async function findFamiliesByName(studioId: string, names: Iterable<string>): Promise<Map<string, FamilyMatch>> {
  const keys = [...new Set([...names].map((name) => searchKeys(name).nameKey))];
  const { family } = db().entities;
  const found = await Promise.all(
    keys.map(async (nameKey) => {
      const { data } = await family.query
        .familiesByName({ studioId, listing: "listed" })
        .begins({ nameKey })
        .where((a, op) => op.eq(a.nameKey, nameKey))
        .go({ pages: "all", attributes: ["familyId"] });
      const match: FamilyMatch =
        data.length === 1
          ? { familyId: data[0]!.familyId }
          : { error: data.length === 0 ? "no family of this studio has this name" : "several families of this studio have this name" };
      return [nameKey, match] as const;
    }),
  );
  return new Map(found);
}

export const familyNameKey = (name: string) => searchKeys(name).nameKey;
