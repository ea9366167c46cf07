export { getCancellationPolicy, toCancellationPolicy, type CancellationPolicy, type SchedulingSettingsRecord } from "./cancellation-policy";
export { CancellationPolicySchema } from "./cancellation-policy-schema";
export { setCancellationPolicy } from "./set-cancellation-policy";
export { cancellationPolicySchema, TERM_LENGTHS, type CancellationPolicyInput } from "./schemas";
export { DEFAULT_SCHEDULING_SETTINGS, type SchedulingSettings } from "./defaults";
export { readSchedulingSettings, schedulingSettingsRead, withDefaults } from "./read-settings";
