import { Accounts, AppError, Studios } from "@studiosync/core";
import { seedDemoBilling } from "./seed-demo-billing";
import { seedDemoHistory } from "./seed-demo-history";
import { seedDemoClasses } from "./seed-demo-classes";
import { seedDemoLending } from "./seed-demo-lending";
import { seedDemoMessages } from "./seed-demo-messages";
import { seedDemoEvents } from "./seed-demo-events";
import { seedDemoMembers } from "./seed-demo-members";
import { seedDemoOperator } from "./seed-demo-operator";
import { seedDemoRequests } from "./seed-demo-requests";
import { seedDemoResources } from "./seed-demo-resources";
import { seedDemoRooms } from "./seed-demo-rooms";
import { seedDemoPublicPage } from "./seed-demo-public-page";
import { seedDemoSchedule } from "./seed-demo-schedule";

/** The demo studio `npm start` creates once; a second start finds it and seeds nothing. */
export const DEMO = {
  slug: "harmony-house",
  ownerEmail: "owner@harmony-house.test",
  ownerPassword: "play-it-again-42",
  ownerName: "Maya Lindqvist",
  /** Clara Weiss, a piano teacher of the studio, signed in as herself. */
  teacher: { email: "clara@harmony-house.test", password: "scales-and-arpeggios-7", name: "Clara Weiss" },
  /** Priya Patel, Anika's and Dev's mother. */
  parent: { email: "priya.patel@harmony-house.test", password: "practice-every-day-9", name: "Priya Patel" },
  studioName: "Harmony House Music Studio",
  timeZone: "Europe/London",
  currency: "GBP",
  branding: {
    description:
      "Piano, guitar, violin and voice lessons for all ages in the heart of Bristol. Friendly teachers, flexible weekly slots and a yearly spring concert.",
    website: "https://harmony-house.example",
    email: "hello@harmony-house.example",
    phone: "+44 117 496 0123",
    address: "12 Cello Lane",
    city: "Bristol",
    state: "England",
    country: "United Kingdom",
    postalCode: "BS1 4QA",
    themeColor: "#0f766e",
  },
} as const;

export interface SeedResult {
  studioUrlPath: string;
  ownerEmail: string;
  ownerPassword: string;
  teacherEmail: string;
  teacherPassword: string;
  parentEmail: string;
  parentPassword: string;
  /** The platform's operator (seed-demo-operator.ts): the /platform console. */
  operatorEmail: string;
  operatorPassword: string;
  created: boolean;
}

/**
 * Seeds the demo studio once, through the use cases (as its owner, teacher and parent, each signed
 * in): people and weekly lessons, a month of history, requests waiting, and billing. `apiUrl` is
 * where the local Stripe emulator sends webhooks.
 */
export async function seedDemo(apiUrl: string): Promise<SeedResult> {
  // Every start: a demo seeded before the operators' console gets its operator too.
  const operator = await seedDemoOperator();
  const result = {
    operatorEmail: operator.email,
    operatorPassword: operator.password,
    studioUrlPath: `/${DEMO.slug}`,
    ownerEmail: DEMO.ownerEmail,
    ownerPassword: DEMO.ownerPassword,
    teacherEmail: DEMO.teacher.email,
    teacherPassword: DEMO.teacher.password,
    parentEmail: DEMO.parent.email,
    parentPassword: DEMO.parent.password,
  };
  if (await demoExists()) return { ...result, created: false };

  const account = await Accounts.createAccount(
    {
      email: DEMO.ownerEmail,
      password: DEMO.ownerPassword,
      name: DEMO.ownerName,
      studioName: DEMO.studioName,
      slug: DEMO.slug,
      timeZone: DEMO.timeZone,
      currency: DEMO.currency,
    },
    { emailVerified: true },
  );
  if (!account) throw new Error(`The demo owner ${DEMO.ownerEmail} already has an account but the demo studio is missing`);
  const { user, studio } = account;
  // The seed acts as the owner through a real sign-in: every use case checks the session.
  const session = await Accounts.logIn({ email: DEMO.ownerEmail, password: DEMO.ownerPassword });
  const owner = { userId: user.id, sessionId: Accounts.verifyAccessToken(session.accessToken).sid };
  await Studios.updateStudio(owner, studio.id, DEMO.branding);
  const people = await seedDemoSchedule(owner, studio.id, DEMO.timeZone);
  const { teacher, parent } = await seedDemoMembers(owner, studio.id, people, { teacher: DEMO.teacher, parent: DEMO.parent });
  await seedDemoRooms(owner, studio.id);
  await seedDemoPublicPage(owner, studio.id);
  await seedDemoResources({ owner, teacher }, studio.id, people);
  await Promise.all([
    seedDemoHistory({ owner, teacher, parent }, studio.id, DEMO.timeZone, people),
    seedDemoRequests({ owner, parent }, studio.id, DEMO.slug, DEMO.timeZone, people),
  ]);
  await seedDemoBilling(owner, studio.id, DEMO.timeZone, people, apiUrl);
  // After the billing run: the violin's deposit and fee wait for the next one.
  await seedDemoLending({ owner, parent }, studio.id, DEMO.timeZone, people);
  await seedDemoClasses(owner, studio.id, DEMO.timeZone, people);
  await seedDemoMessages({ owner, teacher, parent }, studio.id, people);
  await seedDemoEvents({ owner, parent }, studio.id, DEMO.slug, DEMO.timeZone, people);
  return { ...result, created: true };
}

async function demoExists(): Promise<boolean> {
  try {
    await Studios.getPublicStudio(DEMO.slug);
    return true;
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") return false;
    throw error;
  }
}
