import { moduleOperations } from "@studiosync/functions";

/**
 * Every operation of the API as "METHOD /path", as the API modules declare them (their routes):
 * what `npm run bench` must cost. The bench and its coverage check take the list from here and
 * nowhere else, so a new route or module is measured without anyone listing it.
 */
export function apiOperations(): string[] {
  return Object.values(moduleOperations()).flat();
}

const pattern = (template: string) => new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{[^}]+\}/g, "[^/]+")}$`);

/**
 * The operation a request belongs to: "GET /v1/public/lesson-links/cancel/{token}?x=1 (what)"
 * is "GET /v1/public/lesson-links/{action}/{token}". An exact match wins over a template.
 */
export function operationOf(operations: readonly string[], request: string): string | undefined {
  const [method, target = ""] = request.split(" ");
  const path = target.split("?")[0]!;
  const exact = `${method} ${path}`;
  if (operations.includes(exact)) return exact;
  return operations.find((op) => op.startsWith(`${method} `) && pattern(op.slice(op.indexOf(" ") + 1)).test(path));
}

/**
 * Budgets tighter than the default (issue 14): the library list and "My materials" at most 2
 * DynamoDB calls, confirming an upload at most 3; (issue 15) the leads board at most 2 a page,
 * however many leads (the bench's studio has thousands).
 */
const TIGHT_BUDGETS: Record<string, number> = {
  "GET /v1/studios/{studioId}/leads/board": 2,
  "GET /v1/studios/{studioId}/resources": 2,
  "GET /v1/studios/{studioId}/resources/mine": 2,
  "POST /v1/studios/{studioId}/resources": 3,
};

/** The budget: a read (GET) at most 3 DynamoDB calls, a write at most 3 reads and one write. */
export const callBudget = (operation: string) => TIGHT_BUDGETS[operation] ?? (operation.startsWith("GET ") ? 3 : 4);
