import { recordAudit } from "../../audit";
import { commitWrites, failsWith } from "../../kernel/db/commit-writes";
import { conflict } from "../../kernel/errors";
import { outboxEmails } from "../../outbox";
import { assertMay, type Actor } from "../../policy";
import { lendingDb } from "../lending-db";
import type { LoanRecord } from "../loan.entity";
import { loadLoan, studioToday } from "./loan-access";
import { studentContacts } from "../../people";
import { loanDeclinedEmails } from "./loan-emails";
import { toLoan } from "./loan-view";
import type { CloseLoanInput } from "./schemas";

/**
 * Closes a request without lending: `declined` by owners and admins, `cancelled` (withdrawn) by
 * the household or admins. Only a request still waiting (409 otherwise); it leaves the open list.
 * A declined request is emailed to the household (outbox, in the same transaction).
 */
export async function closeRequest(actor: Actor, studioId: string, loanId: string, how: "declined" | "cancelled", input: CloseLoanInput, now = new Date()) {
  const { member, studio, loan, student, facts } = await loadLoan(actor, studioId, loanId);
  if (how === "declined") assertMay(member, "loan.decide");
  else assertMay(member, "loan.withdraw", facts);
  if (loan.status !== "requested") throw conflict("loan.not_requested", `This loan is ${loan.status === "out" ? "lent already" : loan.status}`);
  const stamp = now.toISOString();
  const changes = { status: how, closedBy: actor.userId, closedAt: stamp, ...(input.reason ? { closeReason: input.reason } : {}) };
  const after: LoanRecord = { ...loan, ...changes, openState: undefined, updatedAt: stamp };
  const emails = how === "declined" ? loanDeclinedEmails(studio, after, student, await studentContacts(studioId, student)) : [];
  await commitWrites(lendingDb, (tx) => [
    failsWith(
      tx.loan
        .patch({ studioId, loanId })
        .set(changes)
        .remove(["openState"])
        .where((a, op) => op.eq(a.status, "requested"))
        .commit(),
      () => conflict("loan.not_requested", "The request was decided or withdrawn meanwhile"),
    ),
    recordAudit(tx, { studioId, actorId: actor.userId, action: `loan.${how}`, entityType: "loan", entityId: loanId, before: loan, after }),
    ...outboxEmails(tx, emails, now),
  ]);
  return toLoan(after, studioToday(studio, now));
}
