import { formatMoney } from "../billing";
import { spendingAlertMessage } from "../email";
import { commitWritesOr, rejectedAs } from "../kernel/db/commit-writes";
import { readMany } from "../kernel/db/read-many";
import { itemOf } from "../kernel/db/read-together";
import { priceFor, usageBill, usageMonthOf } from "../metering";
import { outboxEmails } from "../outbox";
import { platformBillingDb } from "./platform-billing-db";
import { billingPageUrl, monthName, ownersEmails } from "./platform-notices";

/** The alert levels, in percent of the cap. */
export const ALERT_LEVELS = [80, 100] as const;

/** The highest level `soFar` has reached of `cap`, or 0. */
export const alertLevel = (soFarMinor: number, capMinor: number) => ALERT_LEVELS.filter((level) => soFarMinor * 100 >= capMinor * level).at(-1) ?? 0;

/**
 * Emails the owners of each capped studio (the sparse index of capped accounts) whose month so far
 * has reached 80 % or 100 % of its cap, once per level a month: the level sent is written with the
 * emails in one transaction, on condition it was lower. The cap alerts; it stops nothing.
 */
export async function sendSpendingAlerts(now: Date): Promise<number> {
  const entities = platformBillingDb().entities;
  const { data: accounts } = await entities.platformAccount.query.cappedAccounts({ capShard: "cap" }).go({ pages: "all" });
  if (accounts.length === 0) return 0;
  const studios = await readMany(accounts.map(({ studioId }) => itemOf(entities.studio, { studioId })));
  let sent = 0;
  for (const [index, account] of accounts.entries()) {
    const studio = studios[index];
    if (!studio || studio.deletedAt || !account.spendingCapMinor) continue;
    const month = usageMonthOf(now, studio.timeZone);
    const { data: usage } = await entities.usageMonth.get({ studioId: studio.studioId, month }).go();
    const soFar = usageBill(month, usage ?? {}, priceFor(month)).totalMinor;
    const level = alertLevel(soFar, account.spendingCapMinor);
    const already = account.capAlertMonth === month ? (account.capAlertLevel ?? 0) : 0;
    if (level <= already) continue;
    const emails = await ownersEmails(studio.studioId, `spending-alert#${month}#${level}`, (greetingName) =>
      spendingAlertMessage({
        studioName: studio.name,
        greetingName,
        monthName: monthName(month),
        level,
        soFar: formatMoney(soFar, "USD"),
        cap: formatMoney(account.spendingCapMinor!, "USD"),
        url: billingPageUrl(studio.studioId),
      }),
    );
    const refused = await commitWritesOr(platformBillingDb, (tx) => [
      rejectedAs(
        tx.platformAccount
          .patch({ studioId: studio.studioId })
          .set({ capAlertMonth: month, capAlertLevel: level })
          .where(
            (a, op) =>
              `${op.eq(a.spendingCapMinor, account.spendingCapMinor!)} AND (${op.notExists(a.capAlertMonth)} OR ${op.ne(a.capAlertMonth, month)} OR ${op.lt(a.capAlertLevel, level)})`,
          )
          .commit(),
        "sent",
      ),
      outboxEmails(tx, emails, now),
    ]);
    if (!refused) sent++;
  }
  return sent;
}
