import { emailBrand, newMaterialMessage } from "../email";
import { commitWritesOr, rejectedAs } from "../kernel/db/commit-writes";
import { itemOf, readTogether } from "../kernel/db/read-together";
import { notice, optedOutAmong, portalPath, unsubscribable } from "../notifications";
import { outboxEmail } from "../outbox";
import type { StudioRecord } from "../studios/module";
import type { MaterialEntryRecord } from "./material-entry.entity";
import { materialsLinkUrl, signMaterialsLink } from "./material-link";
import { utcDay } from "./recipients";
import { resourcesDb } from "./resources-db";

/** How many past days a run looks at (days a missed run left). */
const LOOKBACK_DAYS = 7;

export interface AnnounceRun {
  days: number;
  inboxes: number;
  sent: number;
  alreadySent: number;
  unsubscribed: number;
  /** Inboxes whose student or family has no address to write to. */
  noAddress: number;
}

interface Recipient {
  email: string;
  name: string;
}

/** Whom an inbox's email goes to: the student (when they have an address), or the family's guardians. */
async function recipientsOf(studioId: string, inbox: string): Promise<Recipient[]> {
  const { student, guardian } = resourcesDb().entities;
  const [kind, id] = inbox.split("#") as ["student" | "family", string];
  if (kind === "student") {
    const [record] = await readTogether(itemOf(student, { studioId, studentId: id }));
    return record && !record.deletedAt && record.email ? [{ email: record.email, name: record.firstName }] : [];
  }
  const { data } = await guardian.query.guardian({ studioId, familyId: id }).go({ pages: "all" });
  return data.filter((g) => !g.deletedAt && g.email).map((g) => ({ email: g.email!, name: g.firstName }));
}

/**
 * The daily "New material from your teacher" job: the materials shared on days that are over (UTC),
 * read through the sparse `materialsToAnnounce` index one day at a time (no Scan), one email per
 * recipient per inbox and day, through the outbox with a deterministic id
 * (`materials#<inbox>#<day>#<address>`), so a run twice — or a retry after a crash — sends once.
 * An entry leaves the index once its email is enqueued (or nobody is left to write to).
 */
export async function announceMaterials({ now }: { now: Date }): Promise<AnnounceRun> {
  const { materialEntry, studio } = resourcesDb().entities;
  const run: AnnounceRun = { days: 0, inboxes: 0, sent: 0, alreadySent: 0, unsubscribed: 0, noAddress: 0 };
  const studios = new Map<string, StudioRecord | null>();
  for (let back = LOOKBACK_DAYS; back >= 1; back--) {
    const day = utcDay(new Date(now.getTime() - back * 86_400_000));
    run.days++;
    const { data } = await materialEntry.query.materialsToAnnounce({ digestDay: day }).go({ pages: "all" });
    const groups = new Map<string, MaterialEntryRecord[]>();
    for (const entry of data) {
      const key = `${entry.studioId}\u0000${entry.inbox}`;
      groups.set(key, [...(groups.get(key) ?? []), entry]);
    }
    for (const entries of groups.values()) {
      const { studioId, inbox } = entries[0]!;
      if (!studios.has(studioId)) studios.set(studioId, (await readTogether(itemOf(studio, { studioId })))[0]);
      const studioRecord = studios.get(studioId);
      run.inboxes++;
      if (studioRecord && !studioRecord.deletedAt) await announceInbox(studioRecord, inbox, day, entries, now, run);
      for (const entry of entries)
        await materialEntry
          .patch({ studioId, inbox, resourceId: entry.resourceId })
          .remove(["digestDay"])
          .go()
          .catch(() => undefined);
    }
  }
  if (run.inboxes > 0) console.log(JSON.stringify({ level: "info", message: "new material announced", ...run }));
  return run;
}

async function announceInbox(studio: StudioRecord, inbox: string, day: string, entries: MaterialEntryRecord[], now: Date, run: AnnounceRun) {
  const recipients = await recipientsOf(studio.studioId, inbox);
  if (recipients.length === 0) {
    run.noAddress++;
    return;
  }
  const stopped = await optedOutAmong(
    studio.studioId,
    recipients.map((r) => r.email),
    "materials",
  );
  const open = { label: "Open your materials", url: materialsLinkUrl(studio.slug, signMaterialsLink(studio.studioId, inbox, now)) };
  const items = [...entries].sort((a, b) => a.sharedAt.localeCompare(b.sharedAt)).map((e) => ({ title: e.title, sharedByName: e.sharedByName }));
  for (const recipient of recipients) {
    // An address that stopped these emails (or takes them in the digest) still gets the notice in the app: the email is held.
    const hold = stopped.has(recipient.email.toLowerCase());
    if (hold) run.unsubscribed++;
    const email = newMaterialMessage({
      studioName: studio.name,
      greetingName: recipient.name,
      items,
      open,
      unsubscribe: unsubscribable(studio, recipient.email, "materials"),
    });
    const outcome = await commitWritesOr(resourcesDb, (tx) => [
      rejectedAs(
        outboxEmail(tx, {
          scope: studio.studioId,
          messageId: `materials#${inbox}#${day}#${recipient.email.toLowerCase()}`,
          to: recipient.email,
          email,
          brand: emailBrand(studio),
          notice: notice(studio, "materials", `materials:${inbox}`, { link: portalPath(studio.studioId, "materials") }),
          hold,
        }),
        "already sent",
      ),
    ]);
    if (hold) continue;
    if (outcome) run.alreadySent++;
    else run.sent++;
  }
}
