export { billingSummary, monthsEndingWith, REVENUE_MONTHS, type BillingSummary } from "./billing-summary";
