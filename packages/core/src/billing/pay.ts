/**
 * Paying without signing in, for the pay Lambda: the public invoice behind an emailed link,
 * Stripe Checkout and Stripe's webhook. Kept out of `billing/index.ts`, so the billing Lambda
 * never carries the Stripe library.
 */
export * from "./public/index";
export * from "./stripe/index";
export { startCardSave, completeCardSave, removeSavedCard, type AutopayCard } from "./autopay/save-card";
