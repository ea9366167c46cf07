import { DEMO } from "../seed-demo";
import type { Fixtures, Session } from "./fixtures";

/** One page to load: a name for the table and its path on the site. */
export interface PageTarget {
  name: string;
  path: string;
}

interface Listed {
  items: { id: string }[];
}

/**
 * The workspace pages of the demo studio, with ids found through the API (untimed): each page
 * the navigation reaches, and one record page of each kind.
 */
export async function workspacePages(fixtures: Fixtures, owner: Session): Promise<PageTarget[]> {
  const get = <T>(path: string) => fixtures.expectJson<T>({ path, token: owner.accessToken }, 200);
  const me = await get<{ memberships: { studio: { id: string } }[] }>("/v1/me");
  const studioId = me.memberships[0]!.studio.id;
  const api = `/v1/studios/${studioId}`;
  const firstId = async (path: string) => (await get<Listed>(`${api}${path}`)).items[0]?.id;
  const from = new Date(Date.now() - 14 * 86_400_000).toISOString();
  const to = new Date(Date.now() + 14 * 86_400_000).toISOString();
  const [
    lessonId,
    studentId,
    familyId,
    teacherId,
    invoiceId,
    paymentId,
    accountId,
    feePlanId,
    runId,
    patternId,
    planId,
    itemId,
    loanId,
    resourceId,
    roomId,
    leadId,
    courseId,
    slotId,
    threadId,
    announcementId,
  ] = await Promise.all([
    firstId(`/lessons?from=${from}&to=${to}&limit=1`),
    firstId("/students?limit=1"),
    firstId("/families?limit=1"),
    firstId("/teachers?limit=1"),
    firstId("/invoices?limit=1"),
    firstId("/payments?limit=1"),
    firstId("/billing-accounts?limit=1"),
    firstId("/fee-plans?limit=1"),
    firstId("/billing-runs?limit=1"),
    firstId("/recurring-patterns?limit=1"),
    firstId("/lesson-plans?limit=1"),
    firstId("/items?limit=1"),
    firstId("/loans?state=out&limit=1"),
    firstId("/resources?shelf=library&limit=1"),
    firstId("/rooms?limit=1"),
    firstId("/leads?limit=1"),
    firstId("/courses?limit=1"),
    firstId("/class-slots?limit=1"),
    firstId("/threads?limit=1"),
    get<{ sent: { id: string }[] }>(`${api}/announcements?box=sent&limit=1`).then((page) => page.sent[0]?.id),
  ]);
  const base = `/dashboard/studios/${studioId}`;
  const pages: [string, string | undefined, string][] = [
    ["Today", "", ""],
    ["Messages", "", "/messages"],
    ["New conversation", "", "/messages/new"],
    ["Conversation", threadId, `/messages/${threadId}`],
    ["Announcements", "", "/announcements"],
    ["New announcement", "", "/announcements/new"],
    ["Announcement", announcementId, `/announcements/${announcementId}`],
    ["Calendar (week)", "", "/calendar"],
    ["Calendar (day)", "", "/calendar?view=day"],
    ["Calendar (agenda)", "", "/calendar?view=agenda"],
    ["Book a lesson", "", "/calendar/book"],
    ["Calendar subscriptions", "", "/calendar/feeds"],
    ["Lesson", lessonId, `/lessons/${lessonId}`],
    ["Scheduling", "", "/scheduling"],
    ["Working hours", "", "/scheduling/hours"],
    ["Working hours (teacher)", teacherId, `/scheduling/hours/${teacherId}`],
    ["Closures", "", "/scheduling/closures"],
    ["Cancellation policy", "", "/scheduling/policy"],
    ["Recurring patterns", "", "/scheduling/patterns"],
    ["Recurring pattern", patternId, `/scheduling/patterns/${patternId}`],
    ["Delete a recurring pattern", patternId, `/scheduling/patterns/${patternId}?delete=today`],
    ["Make-up credits", studentId, `/scheduling/makeups?student=${studentId}`],
    ["Requests", "", "/requests"],
    ["Students", "", "/people/students"],
    ["Students (deleted)", "", "/people/students?show=deleted"],
    ["Student", studentId, `/people/students/${studentId}`],
    ["Student (attendance)", studentId, `/people/students/${studentId}?tab=attendance`],
    ["Families", "", "/people/families"],
    ["Family", familyId, `/people/families/${familyId}`],
    ["Teachers", "", "/people/teachers"],
    ["Teacher", teacherId, `/people/teachers/${teacherId}`],
    ["Bands", "", "/people/bands"],
    ["Lesson plans", "", "/plans"],
    ["Lesson plan", planId, `/plans/${planId}`],
    ["Billing summary", "", "/billing"],
    ["Invoices", "", "/billing/invoices"],
    ["Invoice", invoiceId, `/billing/invoices/${invoiceId}`],
    ["Payments", "", "/billing/payments"],
    ["Payment", paymentId, `/billing/payments/${paymentId}`],
    ["Record a payment", "", "/billing/payments/new"],
    ["Accounts", "", "/billing/accounts"],
    ["Account and ledger", accountId, `/billing/accounts/${accountId}`],
    ["Fee plans", "", "/billing/fee-plans"],
    ["Fee plan", feePlanId, `/billing/fee-plans/${feePlanId}`],
    ["Delete a fee plan", feePlanId, `/billing/fee-plans/${feePlanId}/delete`],
    ["Billing runs", "", "/billing/runs"],
    ["Billing run", runId, `/billing/runs/${runId}`],
    ["New billing run", "", "/billing/runs/new"],
    ["Billing settings", "", "/billing/settings"],
    ["Classes", "", "/classes"],
    ["Courses", "", "/classes/courses"],
    ["Course", courseId, `/classes/courses/${courseId}`],
    ["New class slot", "", "/classes/slots/new"],
    ["Class slot", slotId, `/classes/slots/${slotId}`],
    ["Inventory", "", "/inventory"],
    ["Item", itemId, `/inventory/${itemId}`],
    ["Loans", "", "/inventory/loans"],
    ["Loan", loanId, `/inventory/loans/${loanId}`],
    ["Leads", "", "/leads"],
    ["Leads board", "", "/leads/board"],
    ["Lead", leadId, `/leads/${leadId}`],
    ["Edit a lead", leadId, `/leads/${leadId}/edit`],
    ["New lead", "", "/leads/new"],
    ["Leads funnel", "", "/leads/funnel"],
    ["Lead stages", "", "/leads/stages"],
    ["Import leads", "", "/leads/import"],
    ["Library", "", "/library"],
    ["Library file", resourceId, `/library/${resourceId}`],
    ["Rooms", "", "/scheduling/rooms"],
    ["Room", roomId, `/scheduling/rooms/${roomId}`],
    ["Settings", "", "/settings"],
    ["Public page and trials", "", "/settings/booking"],
    ["Members", "", "/settings/members"],
    ["Invitations", "", "/settings/invitations"],
    ["Audit log", "", "/settings/audit"],
    ["Imports", "", "/settings/imports"],
    ["Privacy", "", "/settings/privacy"],
  ];
  // A page whose record the demo lacks is left out rather than measured as a 404.
  return pages.filter(([, id]) => id !== undefined).map(([name, , path]) => ({ name, path: `${base}${path}` }));
}

/** The demo studio's public pages: its page and its first public teacher's (with the trial booking form). */
export async function publicPages(fixtures: Fixtures): Promise<PageTarget[]> {
  const teachers = await fixtures.expectJson<Listed>({ path: `/v1/public/studios/${DEMO.slug}/teachers` }, 200);
  const teacherId = teachers.items[0]?.id;
  return [
    { name: "Public studio page", path: `/${DEMO.slug}` },
    ...(teacherId ? [{ name: "Public teacher page", path: `/${DEMO.slug}/teachers/${teacherId}` }] : []),
  ];
}
