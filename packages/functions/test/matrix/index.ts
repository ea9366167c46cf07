import { availabilityRows } from "./availability.rows";
import { billingAccountRows } from "./billing-accounts.rows";
import { billingRunRows } from "./billing-runs.rows";
import { calendarFeedRows } from "./calendar-feeds.rows";
import { classRows } from "./classes.rows";
import { eventRows } from "./events.rows";
import { invoiceRows } from "./invoices.rows";
import { leadRows } from "./leads.rows";
import { lendingRows } from "./lending.rows";
import { lessonRows } from "./lessons.rows";
import { makeupRows } from "./makeups.rows";
import { messagingRows } from "./messaging.rows";
import { patternRows } from "./patterns.rows";
import { paymentRows } from "./payments.rows";
import { resourceRows } from "./resources.rows";
import { roomRows } from "./rooms.rows";
import type { RowModule } from "./rows";
import { teachingRows } from "./teaching.rows";
import { usageRows } from "./usage.rows";

/** Every module's rows; permission-matrix.test.ts runs them with the platform and people rows. */
export const MODULE_ROWS: RowModule[] = [
  lessonRows,
  patternRows,
  availabilityRows,
  makeupRows,
  teachingRows,
  calendarFeedRows,
  billingAccountRows,
  invoiceRows,
  paymentRows,
  billingRunRows,
  lendingRows,
  classRows,
  resourceRows,
  roomRows,
  leadRows,
  messagingRows,
  eventRows,
  usageRows,
];
