import type { Actor } from "../../policy";
import { loadLoan, studioToday } from "./loan-access";
import { toLoan } from "./loan-view";

/** One loan, for whoever may see its student. */
export async function getLoan(actor: Actor, studioId: string, loanId: string, now = new Date()) {
  const { studio, loan } = await loadLoan(actor, studioId, loanId);
  return toLoan(loan, studioToday(studio, now));
}
