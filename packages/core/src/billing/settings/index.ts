export { BILLING_DEFAULTS, withBillingDefaults, type BillingSettings, type BillingSettingsRecord } from "./defaults";
export { billingSettingsRead } from "./read-settings";
export { toBillingSettings, toLateFee, type BillingSettingsView } from "./billing-settings-view";
export { BillingSettingsSchema } from "./billing-settings-schema";
export { getBillingSettings } from "./get-billing-settings";
export { autoRunDayOf, setBillingSettings } from "./set-billing-settings";
export { billingSettingsSchema, MAX_DUNNING_DAYS_AFTER, type BillingSettingsInput } from "./schemas";
