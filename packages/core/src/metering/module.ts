import type { CoreModule } from "../kernel/core-module";
import { UsageMarkEntity } from "./usage-mark.entity";
import { UsageMonthEntity } from "./usage-month.entity";

export * from "./usage-mark.entity";
export * from "./usage-month.entity";

/**
 * The metering module's declaration: each studio's usage a month (the counters) and the usage
 * events behind them (the marks), what the platform bills studios on.
 */
export const meteringModule = {
  name: "metering",
  entities: { usageMonth: UsageMonthEntity, usageMark: UsageMarkEntity },
} as const satisfies CoreModule;
