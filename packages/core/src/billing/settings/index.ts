export { BILLING_DEFAULTS, withBillingDefaults, type BillingSettings, type BillingSettingsRecord } from "./defaults";
export { billingSettingsRead } from "./read-settings";
