import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { AppType } from "@studiosync/functions";
import { hc } from "hono/client";
import * as Lending from "@studiosync/core/lending";
import { zonedInstant } from "@studiosync/core/kernel";
import { extractLink, readMail } from "@studiosync/local/testing";
import { BrowserSessions, type Client, signInApi } from "./support/browser-sessions";
import { emailedLink, expectStatus, PASSWORD, seedStudio, uniqueOwner } from "./support/seed";
import { type Site, startSite } from "./support/site";

/**
 * "A family borrows a violin and is reminded when it is due", all in the browser: the parent asks
 * for the violin in the portal, the owner lends it from the workspace's loan requests, the family's
 * email opens the loan's page, and on the due date the reminder job's email does too. Then the
 * owner records the return on the loan's page.
 */
const ZONE = "Europe/London";
let site: Site;
let owner: Client;
let sessions: BrowserSessions;
let studioId = "";
let ownerEmail = "";
const parent = { email: uniqueOwner("violin-parent").email };

beforeAll(async () => {
  site = await startSite();
  sessions = new BrowserSessions(site);
  const studio = await seedStudio(site.apiUrl, "Violin Corner");
  studioId = studio.studioId;
  ownerEmail = studio.email;
  owner = await signInApi(site.apiUrl, studio.email);
  const param = { studioId };
  const s = owner.v1.studios[":studioId"];
  const family = await (await expectStatus("family", s.families.$post({ param, json: { name: "The Patels" } }), 201)).json();
  const guardian = await (
    await expectStatus(
      "guardian",
      s.families[":familyId"].guardians.$post({
        param: { studioId, familyId: family.id },
        json: { firstName: "Priya", lastName: "Patel", relationship: "mother", email: parent.email },
      }),
      201,
    )
  ).json();
  await expectStatus("student", s.students.$post({ param, json: { firstName: "Dev", lastName: "Patel", familyId: family.id } }), 201);
  await expectStatus(
    "violin",
    s.items.$post({ param, json: { name: "Violin 3/4", category: "instrument", isBorrowable: true, maxLoanDays: 14, depositMinor: 5000 } }),
    201,
  );
  await expectStatus(
    "invite",
    s.invitations.$post({ param, header: {}, json: { email: parent.email, role: "parent", familyId: family.id, guardianId: guardian.id } as never }),
    201,
  );
  const token = new URL(await emailedLink(parent.email, "/invitations/accept")).searchParams.get("token")!;
  await expectStatus("accept", hc<AppType>(site.apiUrl).v1.public.invitations.accept.$post({ json: { token, name: "Priya Patel", password: PASSWORD } }), 200);
});

afterEach((ctx) => sessions?.reportFailure(ctx));

afterAll(async () => {
  await sessions?.close();
  await site?.stop();
});

describe("a family borrows a violin", { timeout: 180_000 }, () => {
  it("asks in the portal, is lent it from the workspace, is reminded on the due date, and returns it", async () => {
    const portalLoans = `/portal/studios/${studioId}/loans`;
    const family = await sessions.signIn(parent.email, portalLoans);
    await sessions.expectAccessible(family);
    await family.getByLabel("What").selectOption({ label: "Violin 3/4 (Instrument)" });
    await family.getByLabel("A note for the studio").fill("For the spring concert");
    await Promise.all([family.waitForURL(/\/loans\/[^/?]+\?saved=requested/), family.getByRole("button", { name: "Ask to borrow it" }).click()]);
    await family.getByText("Your request is sent").waitFor();
    await sessions.expectAccessible(family);

    const requests = `/dashboard/studios/${studioId}/inventory/loans`;
    const desk = await sessions.signIn(ownerEmail, requests);
    await sessions.expectAccessible(desk);
    await desk.getByRole("link", { name: "Violin 3/4" }).click();
    await desk.getByText("For the spring concert").waitFor();
    await Promise.all([desk.waitForURL(/done=lent/), desk.getByRole("button", { name: "Lend Violin 3/4" }).click()]);
    await desk.getByText("The item is lent").waitFor();
    await sessions.expectAccessible(desk);

    // The family's email opens the loan's page in the portal.
    const [lentMail] = await readMail(parent.email, { subject: "is lent to Dev" });
    const loanUrl = extractLink(lentMail!.body.text ?? "", `/portal/studios/${studioId}/loans/`);
    await family.goto(loanUrl);
    await family.getByText("On loan").waitFor();
    const loanId = new URL(loanUrl).pathname.split("/").pop()!;

    // On the due date, from 09:00 studio time, the reminder job emails the family once.
    const loan = (await (await owner.v1.studios[":studioId"].loans[":loanId"].$get({ param: { studioId, loanId } })).json()) as { dueDate: string };
    await Lending.sendLoanReminders({ now: zonedInstant(loan.dueDate, "10:00", ZONE) });
    await Lending.sendLoanReminders({ now: zonedInstant(loan.dueDate, "11:00", ZONE) });
    const reminders = await readMail(parent.email, { subject: /^Reminder: Violin 3\/4/ });
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.subject).toContain("is due today");
    await family.goto(extractLink(reminders[0]!.body.text ?? "", `/portal/studios/${studioId}/loans/${loanId}`));
    await family.getByRole("heading", { name: "Violin 3/4" }).waitFor();
    await sessions.expectAccessible(family);

    // The owner takes it back on the loan's page.
    await desk.goto(`${site.webUrl}/dashboard/studios/${studioId}/inventory/loans/${loanId}`);
    await desk.getByLabel("Condition it came back in").selectOption("fair");
    await Promise.all([desk.waitForURL(/done=returned/), desk.getByRole("button", { name: "Record the return" }).click()]);
    await desk.getByText("The return is recorded").waitFor();
    await family.reload();
    await family.getByText("Returned", { exact: false }).first().waitFor();
  });
});
