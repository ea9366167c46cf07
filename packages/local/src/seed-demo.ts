import { Accounts, AppError, Studios } from "@studiosync/core";
import { seedDemoBilling } from "./seed-demo-billing";
import { seedDemoSchedule } from "./seed-demo-schedule";

/** The demo studio `npm start` creates once; a second start finds it and seeds nothing. */
export const DEMO = {
  slug: "harmony-house",
  ownerEmail: "owner@harmony-house.test",
  ownerPassword: "play-it-again-42",
  ownerName: "Maya Lindqvist",
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
  created: boolean;
}

/** Seeds the demo studio once; `apiUrl` is where the local Stripe emulator sends webhooks. */
export async function seedDemo(apiUrl: string): Promise<SeedResult> {
  const result = { studioUrlPath: `/${DEMO.slug}`, ownerEmail: DEMO.ownerEmail, ownerPassword: DEMO.ownerPassword };
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
  await seedDemoBilling(owner, studio.id, DEMO.timeZone, people, apiUrl);
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
