import { AppError } from "../../kernel/errors";
import { adminsOnly, hiddenRecord, rule } from "../rule";
import { isStudioAdmin } from "../studio-member";

/**
 * Studio events (seed 002 events). Owners and admins write, change and cancel them and see every
 * answer; everyone else sees the events whose audience includes them (a parent through their
 * family) or that are public, and nobody else learns an event exists (404). A member answers for
 * themself and a parent for their family; owners and admins for anyone (an answer taken by phone).
 */
export const EVENT_RULES = {
  "event.manage": adminsOnly(),
  "event.view": rule<{ inAudience: boolean; isPublic: boolean }>(
    (member, event) => isStudioAdmin(member) || event.inAudience || event.isPublic,
    () => hiddenRecord("Event"),
  ),
  "event.respond": rule<{ speaksFor: boolean }>(
    (member, { speaksFor }) => isStudioAdmin(member) || speaksFor,
    () =>
      new AppError("event.not_yours", "You answer for yourself and your family only", { errors: [{ path: "person", message: "is not you or your child" }] }),
  ),
} as const;
