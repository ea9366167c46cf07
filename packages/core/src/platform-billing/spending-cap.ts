import { recordAudit } from "../audit";
import { commitWrites } from "../kernel/db/commit-writes";
import { itemOf } from "../kernel/db/read-together";
import { assertMay, loadMemberWith, type Actor } from "../policy";
import { platformBillingDb } from "./platform-billing-db";
import type { SpendingCapInput } from "./schemas";

export interface SpendingCapView {
  /** Cents a month, or null for none. */
  capMinor: number | null;
  /** The highest alert sent this month (80 or 100), or null. */
  alertedMonth: string | null;
  alertedLevel: number | null;
}

/** The studio's spending cap (owners and admins). */
export async function getSpendingCap(actor: Actor, studioId: string): Promise<SpendingCapView> {
  const { member, records } = await loadMemberWith(actor, studioId, itemOf(platformBillingDb().entities.platformAccount, { studioId }));
  assertMay(member, "platform-billing.view");
  const [account] = records;
  return { capMinor: account?.spendingCapMinor ?? null, alertedMonth: account?.capAlertMonth ?? null, alertedLevel: account?.capAlertLevel ?? null };
}

/**
 * Sets or clears the monthly spending cap (owners): the owners are emailed when a month reaches
 * 80 % and 100 % of it (spending-alerts.ts). A new cap may alert again this month.
 */
export async function setSpendingCap(actor: Actor, studioId: string, input: SpendingCapInput, now = new Date()): Promise<SpendingCapView> {
  const { member, records } = await loadMemberWith(actor, studioId, itemOf(platformBillingDb().entities.platformAccount, { studioId }));
  assertMay(member, "platform-billing.manage");
  const [account] = records;
  const at = now.toISOString();
  const alerts = ["capAlertMonth", "capAlertLevel"] as const;
  await commitWrites(platformBillingDb, (tx) => [
    account
      ? input.capMinor === null
        ? tx.platformAccount
            .patch({ studioId })
            .remove(["spendingCapMinor", "capShard", ...alerts])
            .commit()
        : tx.platformAccount
            .patch({ studioId })
            .set({ spendingCapMinor: input.capMinor, capShard: "cap" })
            .remove([...alerts])
            .commit()
      : tx.platformAccount
          .create({ studioId, ...(input.capMinor === null ? {} : { spendingCapMinor: input.capMinor, capShard: "cap" }), createdAt: at, updatedAt: at })
          .commit(),
    recordAudit(tx, {
      studioId,
      actorId: actor.userId,
      action: "spending_cap.set",
      entityType: "platform_account",
      entityId: studioId,
      before: { capMinor: account?.spendingCapMinor ?? null },
      after: { capMinor: input.capMinor },
    }),
  ]);
  return { capMinor: input.capMinor, alertedMonth: null, alertedLevel: null };
}
