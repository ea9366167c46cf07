import { CATALOGUE } from "./catalogue";
import type { Rule } from "./rule";
import { allowedWhilePaused, pausedRefusal } from "./paused-studio";
import type { StudioMember } from "./studio-member";

/** The closed list of actions a studio member may or may not do. */
export type Action = keyof typeof CATALOGUE;
export const ACTIONS = Object.keys(CATALOGUE) as Action[];

/** The facts an action's rule needs (none for a rule on the role alone). */
type FactsOf<A extends Action> = (typeof CATALOGUE)[A] extends Rule<infer F> ? F : never;
type FactsArg<A extends Action> = [FactsOf<A>] extends [void] ? [] : [facts: FactsOf<A>];

const ruleOf = <A extends Action>(action: A) => CATALOGUE[action] as Rule<FactsOf<A>>;

/** Whether the member may do the action, given the facts its rule needs. */
export function may<A extends Action>(member: StudioMember, action: A, ...facts: FactsArg<A>): boolean {
  return ruleOf(action).allows(member, facts[0] as FactsOf<A>);
}

/**
 * Refuses what the member may not do, with the action's answer (the API's status and reason). In a
 * paused studio (paused-studio.ts) only reading and paying are left: anything else is 403 `studio.paused`.
 */
export function assertMay<A extends Action>(member: StudioMember, action: A, ...facts: FactsArg<A>): void {
  if (!may(member, action, ...facts)) throw ruleOf(action).refusal(member);
  if (member.paused && !allowedWhilePaused(action)) throw pausedRefusal(member.paused);
}
