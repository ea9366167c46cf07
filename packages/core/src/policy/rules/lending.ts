import { AppError } from "../../kernel/errors";
import type { ItemFacts, StudentFacts } from "../facts";
import { hiddenRecord, rule } from "../rule";
import { isStaff, isStudioAdmin } from "../studio-member";
import { seesStudent } from "./people";

/**
 * Lending and inventory. Items: owners and admins keep the inventory; teachers see every item,
 * its loans and its maintenance log; students and parents see the borrowable items only (others
 * are 404 to them). Loans: whoever sees the student sees their loans and may ask for one for them
 * (admins, the student's teacher, the student, their parents); the household (and admins) may
 * withdraw a request; admins decide: lend, decline, take back.
 */
export const LENDING_RULES = {
  "item.view": rule<ItemFacts>(
    (member, item) => isStaff(member) || item.isBorrowable,
    () => hiddenRecord("Item"),
  ),
  "item.manage": rule(isStudioAdmin, (member) => new AppError("item.admins_only", `Your role (${member.role}) may not change the studio's inventory`)),
  /** An item's loan history and maintenance log: staff. */
  "item.history": rule(isStaff, () => new AppError("item.staff_only", "Only the studio's staff see an item's loans and maintenance log")),
  "loan.view": rule<StudentFacts>(seesStudent, () => hiddenRecord("Loan")),
  "loan.request": rule<StudentFacts>(seesStudent, () => hiddenRecord("Student")),
  "loan.withdraw": rule<StudentFacts>(
    (member, student) => isStudioAdmin(member) || ((member.role === "student" || member.role === "parent") && seesStudent(member, student)),
    () => new AppError("loan.household_only", "Only the student, their parents and the studio's admins may withdraw a loan request"),
  ),
  /** Lend, decline, take back, and the studio's list of open loans. */
  "loan.decide": rule(isStudioAdmin, (member) => new AppError("loan.admins_only", `Your role (${member.role}) may not lend or take back items`)),
} as const;
