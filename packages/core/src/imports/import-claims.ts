import { db } from "../db";

/** BatchGetItem takes at most 100 keys. */
const BATCH = 100;

/**
 * The records earlier imports created for these hashes (hash → record id): one BatchGetItem per
 * 100 distinct hashes (unprocessed keys are read again, up to 3 attempts).
 */
export async function readClaims(studioId: string, hashes: Iterable<string>): Promise<Map<string, string>> {
  const unique = [...new Set(hashes)];
  const claims = new Map<string, string>();
  for (let start = 0; start < unique.length; start += BATCH) {
    let keys = unique.slice(start, start + BATCH).map((importHash) => ({ studioId, importHash }));
    for (let attempt = 0; keys.length > 0; attempt++) {
      if (attempt === 3) throw new Error("BatchGetItem left import claims unprocessed after 3 attempts");
      const { data, unprocessed } = await db()
        .entities.importClaim.get(keys)
        .go({ attributes: ["importHash", "entityId"] });
      for (const claim of data) claims.set(claim.importHash, claim.entityId);
      keys = unprocessed.map((key) => ({ studioId, importHash: key.importHash }));
    }
  }
  return claims;
}

/** The record an import claim points at, read after a transaction lost the race for it. */
export async function readClaim(studioId: string, importHash: string): Promise<string | undefined> {
  const { data } = await db()
    .entities.importClaim.get({ studioId, importHash })
    .go({ attributes: ["entityId"] });
  return data?.entityId;
}
