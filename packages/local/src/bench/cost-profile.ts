import { ACCESS_TOKEN_SECONDS } from "@studiosync/core/accounts";

/**
 * A typical studio's month (issue 17) as the cost model (cost-model.ts) counts it: the issue's
 * profile, then what its people do in a month as counts of the API operations the bench measures
 * (cost-measure.ts). Everything here that is not the profile is an assumption, named and
 * explained; the per-operation costs and durations are measured, never assumed.
 */
export const STUDIO_PROFILE = {
  students: 60,
  lessons: 240,
  invoices: 80,
  emails: 1_500,
  storageGb: 2,
} as const;

// --- Who uses it, how much (assumptions) ---

/** The owner and two teachers, about 2 hours a working day each in the workspace (3 × 20 × 2). */
export const STAFF_ACTIVE_HOURS = 120;
/** Workspace pages a staff member opens in an active hour (calendar, a lesson, a student, invoices…). */
export const STAFF_PAGES_PER_ACTIVE_HOUR = 10;
/** One sign-in per staff member per working day. */
export const STAFF_SIGN_INS = 60;
/** An active session refreshes its access token when it runs out (accounts/access-token.ts: 15 minutes). */
export const TOKEN_REFRESHES_PER_ACTIVE_HOUR = 3_600 / ACCESS_TOKEN_SECONDS;
/** 60 students in about 50 families (some siblings). */
export const FAMILIES = 50;
/** A family signs in to the portal about twice a month… */
export const PORTAL_VISITS_PER_FAMILY = 2;
/** …and opens a few pages each time (upcoming lessons, invoices, materials). */
export const PORTAL_PAGES_PER_VISIT = 3;
/** Half the lessons get a teacher's note. */
export const NOTES_PER_LESSON = 0.5;
/** One lesson in ten is moved by staff (a PATCH of the lesson). */
export const LESSONS_MOVED_SHARE = 0.1;
/** Lessons booked one-off, outside the weekly patterns. */
export const ONE_OFF_LESSONS = 10;
/** One lesson in twenty is cancelled by its family through the link in an email. */
export const LESSONS_CANCELLED_BY_LINK_SHARE = 0.05;
/** Every invoice is sent (one at a time: more than one send of the whole run costs) and paid online by its link. */
export const INVOICES_PAID_ONLINE_SHARE = 1;
/** Messages written in the inbox (staff and families). */
export const MESSAGES_SENT = 100;
/** Files added to the library a month, and files opened (downloads through presigned links). */
export const FILE_UPLOADS = 40;
export const FILE_DOWNLOADS = 200;
/** The library's 2 GB as about 400 files of 5 MB (sheet music PDFs, recordings). */
export const AVERAGE_FILE_MB = 5;
/** Students added or changed a month: each reaches the materials catch-up consumer. */
export const STUDENT_WRITES = 10;
/** Lesson writes the metering consumer sees per lesson: created, then marked held with its attendance. */
export const LESSON_WRITES_PER_LESSON = 2;
/** SES publishes a Delivery of every email and an Open per opening (the configuration set, stacks/Email.ts): half are opened. */
export const EMAIL_OPENS_PER_EMAIL = 0.5;

// --- The platform around the studio (assumptions) ---

/** Studios sharing the scheduled jobs' runs (each runs for every studio at once): this studio's share is 1 / this. */
export const STUDIOS_ON_THE_PLATFORM = 100;
/** Invocations that start a new execution environment and pay its INIT (cold import, measured); each module has its own Lambda, so more than AWS's "under 1 %". */
export const COLD_START_SHARE = 0.05;
/** Bytes of log per invocation: Lambda's START, END and REPORT lines (the API logs nothing per request). */
export const LOG_BYTES_PER_INVOCATION = 350;
/** Items a studio keeps in the table: about three years of this profile (~1,400 items a month: lessons and their attendees, invoices and their lines, ledger entries; sent emails expire). */
export const STORED_ITEMS = 50_000;
/** CloudFront requests per page load: the HTML (the pages ship no JavaScript; the stylesheet is cached). */
export const CLOUDFRONT_REQUESTS_PER_PAGE = 1;
/** A Stripe API round trip the checkout waits for (not measured: the bench's Stripe is local). */
export const STRIPE_CALL_MS = 400;

// --- When the pages bench did not run in this bench run (`--only cost`) ---

/** API calls a workspace page makes, its server render time and its HTML: the pages bench's medians of 2026-12-04 (results.json workspacePages). */
export const PAGE_API_CALLS_ASSUMED = 2.5;
export const PAGE_RENDER_MS_ASSUMED = 35;
export const PAGE_HTML_KB_ASSUMED = 10;

// --- The operations ---

/** What a workspace page reads (its API calls are spread evenly over these). */
export const STAFF_PAGE_READS = [
  "GET /v1/me",
  "GET /v1/studios/{studioId}/today",
  "GET /v1/studios/{studioId}/lessons",
  "GET /v1/studios/{studioId}/lessons/{lessonId}",
  "GET /v1/studios/{studioId}/students",
  "GET /v1/studios/{studioId}/families/{familyId}",
  "GET /v1/studios/{studioId}/invoices",
  "GET /v1/studios/{studioId}/billing-summary",
  "GET /v1/studios/{studioId}/threads",
  "GET /v1/studios/{studioId}/resources",
];

/** What a family's portal page reads. */
export const PORTAL_PAGE_READS = [
  "GET /v1/me",
  "GET /v1/studios/{studioId}/portal",
  "GET /v1/studios/{studioId}/lessons",
  "GET /v1/studios/{studioId}/invoices",
];

/**
 * Operations the bench cannot call in the matrix world (they need a token only an email carries,
 * or Stripe's signature), each measured by the one most like it: the same reads and writes.
 */
export const PROXIES: Record<string, string> = {
  "GET /v1/public/invoices/{token}": "GET /v1/studios/{studioId}/invoices/{invoiceId}",
  "POST /v1/public/invoices/{token}/checkout": "GET /v1/studios/{studioId}/invoices/{invoiceId}/pay-link",
  "POST /v1/webhooks/stripe": "POST /v1/studios/{studioId}/payments",
  "GET /v1/public/lesson-links/{action}/{token}": "GET /v1/studios/{studioId}/lessons/{lessonId}/cancellation-preview",
  "POST /v1/public/lesson-links/cancel/{token}": "POST /v1/studios/{studioId}/lessons/{lessonId}/cancel",
};

export interface ApiCall {
  operation: string;
  /** Calls per occurrence (default 1). */
  times?: number;
  /** Time the Lambda waits on something the bench does not measure (Stripe). */
  extraMs?: number;
}

/** Something people do, `perMonth` times: the site's server renders, the API calls it makes, and S3 requests. */
export interface ApiActivity {
  name: string;
  perMonth: number;
  /** Server renders of the site (an SSR Lambda invocation each: a page, or a form's POST). */
  renders: number;
  calls: ApiCall[];
  /** Workspace or portal pages: each a render plus `apiCallsPerPage` reads spread over these operations. */
  pages?: { count: number; reads: readonly string[] };
  s3Puts?: number;
  s3Gets?: number;
  /** Downloaded from S3 to the internet. */
  egressMb?: number;
}

const { lessons, invoices } = STUDIO_PROFILE;

export const API_ACTIVITIES: ApiActivity[] = [
  {
    name: "Staff workspace pages",
    perMonth: STAFF_ACTIVE_HOURS * STAFF_PAGES_PER_ACTIVE_HOUR,
    renders: 0,
    calls: [],
    pages: { count: 1, reads: STAFF_PAGE_READS },
  },
  { name: "Staff sign-ins", perMonth: STAFF_SIGN_INS, renders: 1, calls: [{ operation: "POST /v1/auth/login" }] },
  { name: "Session refreshes", perMonth: STAFF_ACTIVE_HOURS * TOKEN_REFRESHES_PER_ACTIVE_HOUR, renders: 0, calls: [{ operation: "POST /v1/auth/refresh" }] },
  { name: "Attendance marked", perMonth: lessons, renders: 1, calls: [{ operation: "PUT /v1/studios/{studioId}/lessons/{lessonId}/attendance" }] },
  {
    name: "Lesson notes written",
    perMonth: lessons * NOTES_PER_LESSON,
    renders: 1,
    calls: [{ operation: "POST /v1/studios/{studioId}/lessons/{lessonId}/notes" }],
  },
  {
    name: "Lessons moved by staff",
    perMonth: lessons * LESSONS_MOVED_SHARE,
    renders: 1,
    calls: [{ operation: "PATCH /v1/studios/{studioId}/lessons/{lessonId}" }],
  },
  { name: "One-off lessons booked", perMonth: ONE_OFF_LESSONS, renders: 1, calls: [{ operation: "POST /v1/studios/{studioId}/lessons" }] },
  {
    name: "Lessons cancelled by link",
    perMonth: lessons * LESSONS_CANCELLED_BY_LINK_SHARE,
    renders: 2,
    calls: [{ operation: "GET /v1/public/lesson-links/{action}/{token}" }, { operation: "POST /v1/public/lesson-links/cancel/{token}" }],
  },
  { name: "Invoices sent", perMonth: invoices, renders: 1, calls: [{ operation: "POST /v1/studios/{studioId}/invoices/{invoiceId}/send" }] },
  {
    name: "Invoices paid online",
    perMonth: invoices * INVOICES_PAID_ONLINE_SHARE,
    renders: 2,
    calls: [
      { operation: "GET /v1/public/invoices/{token}" },
      { operation: "POST /v1/public/invoices/{token}/checkout", extraMs: STRIPE_CALL_MS },
      { operation: "POST /v1/webhooks/stripe" },
    ],
  },
  { name: "Messages sent", perMonth: MESSAGES_SENT, renders: 1, calls: [{ operation: "POST /v1/studios/{studioId}/threads/{threadId}/messages" }] },
  {
    name: "Family portal visits",
    perMonth: FAMILIES * PORTAL_VISITS_PER_FAMILY,
    renders: 1,
    calls: [{ operation: "POST /v1/auth/login" }],
    pages: { count: PORTAL_PAGES_PER_VISIT, reads: PORTAL_PAGE_READS },
  },
  {
    name: "Files uploaded",
    perMonth: FILE_UPLOADS,
    renders: 1,
    calls: [{ operation: "POST /v1/studios/{studioId}/resources/uploads" }, { operation: "POST /v1/studios/{studioId}/resources" }],
    s3Puts: 1,
  },
  {
    name: "Files downloaded",
    perMonth: FILE_DOWNLOADS,
    renders: 1,
    calls: [{ operation: "GET /v1/studios/{studioId}/resources/{resourceId}/download" }],
    s3Gets: 1,
    egressMb: AVERAGE_FILE_MB,
  },
];

/** The operation the bench measures for `operation` (itself, or its proxy). */
export const measuredAs = (operation: string) => PROXIES[operation] ?? operation;

/** Every operation the profile needs measured. */
export function profileOperations(): string[] {
  const all = API_ACTIVITIES.flatMap((a) => [...a.calls.map((c) => c.operation), ...(a.pages?.reads ?? [])]);
  return [...new Set(all.map(measuredAs))].sort();
}
