export { BillingSettingsSchema } from "@studiosync/core/billing";
