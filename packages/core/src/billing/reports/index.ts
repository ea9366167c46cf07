export { AGING_BUCKETS, agingOf, billingSummary, monthsEndingWith, REVENUE_MONTHS, type BillingSummary } from "./billing-summary";
