import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { db } from "@studiosync/core/db";
import { isConditionalFailure } from "@studiosync/core/kernel";
import type { StudioRecord } from "@studiosync/core/studios";
import type { Migration, MigrationContext } from "../migration";

/**
 * The platform's operators list every studio through `studioDirectory` (gsi2: every studio by its
 * `directoryName`, studios/studio.entity.ts), which ElectroDB writes with each studio from then on.
 * Studios made before it lack the name and its keys: this writes them, as ElectroDB would (taken
 * from its own put), each on condition the studio still has no entry and the same name (a studio
 * renamed meanwhile got its entry from that write). Items keep their `updatedAt`.
 *
 * The one Scan in the migrations, deliberately: the directory is the first index that names every
 * studio, so before it only the table itself does. It runs once per table, from an operator's
 * machine (no Lambda may Scan: stacks/grants.ts), reading studio items a page at a time.
 */
export const studioDirectory: Migration = {
  id: "0002-studio-directory",
  description: "Add every studio made before the operators' directory to it (directoryName; studioDirectory, gsi2)",
  async run(context) {
    let added = 0;
    let cursor: string | null = null;
    do {
      const page: { data: StudioRecord[]; cursor: string | null } = await db().entities.studio.scan.go({ cursor, limit: PAGE, pages: 1 });
      for (const studio of page.data) if (await addToDirectory(context, studio)) added += 1;
      cursor = page.cursor;
    } while (cursor);
    return `${added} studio(s) added to the directory`;
  },
};

const PAGE = 100;

/** The directory's name and keys for a studio, as ElectroDB writes them with the studio. */
function directoryEntry(studio: StudioRecord) {
  const { Item } = db().entities.studio.put(studio).params() as { Item: Record<string, unknown> };
  return { directoryName: Item.directoryName, gsi2pk: Item.gsi2pk, gsi2sk: Item.gsi2sk };
}

const studioKey = (studio: StudioRecord) => (db().entities.studio.get({ studioId: studio.studioId }).params() as { Key: Record<string, unknown> }).Key;

/** Writes the studio's directory entry if it has none yet and kept its name. */
async function addToDirectory({ client, tableName }: MigrationContext, studio: StudioRecord): Promise<boolean> {
  const entry = directoryEntry(studio);
  try {
    await client.send(
      new UpdateCommand({
        TableName: tableName,
        Key: studioKey(studio),
        UpdateExpression: "SET #directoryName = :directoryName, #gsi2pk = :pk, #gsi2sk = :sk",
        ConditionExpression: "attribute_exists(#pk) AND attribute_not_exists(#gsi2pk) AND #name = :name",
        ExpressionAttributeNames: { "#pk": "pk", "#gsi2pk": "gsi2pk", "#gsi2sk": "gsi2sk", "#name": "name", "#directoryName": "directoryName" },
        ExpressionAttributeValues: { ":directoryName": entry.directoryName, ":pk": entry.gsi2pk, ":sk": entry.gsi2sk, ":name": studio.name },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionalFailure(error)) return false;
    throw error;
  }
}
