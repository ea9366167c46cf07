import type { CoreModule } from "../kernel/core-module";
import { OperatorActionEntity } from "./operator-action.entity";

export * from "./operator-action.entity";

/**
 * The operators module's declaration: the platform's own audit log. Operators read every studio,
 * its usage and what the platform bills it, and suspend a studio (the studio's `pausedReason`).
 */
export const operatorsModule = {
  name: "operators",
  entities: { operatorAction: OperatorActionEntity },
} as const satisfies CoreModule;
