import type { Actor } from "@studiosync/core";
import * as Events from "@studiosync/core/events";
import { addDays, localParts } from "@studiosync/core/kernel";
import type { DemoPeople } from "./seed-demo-schedule";

/**
 * The demo studio's events: the spring recital six weeks ahead (public, 60 seats, up to 3 guests
 * each, a reminder the day before), with Priya's answers for Anika (yes, with 2 guests) and Dev
 * (maybe) and a neighbour's public reply; and the half-term holiday (all week, no answers asked).
 */
export async function seedDemoEvents(actors: { owner: Actor; parent: Actor }, studioId: string, slug: string, timeZone: string, people: DemoPeople) {
  const today = localParts(new Date(), timeZone).date;
  const recital = await Events.createEvent(
    actors.owner,
    studioId,
    Events.eventInputSchema.parse({
      title: "Spring recital",
      kind: "recital",
      description: "Every student plays one piece; families and friends are welcome.\nTea and cake in the interval.",
      location: "The main hall, 12 Cello Lane",
      date: addDays(today, 42),
      startTime: "15:00",
      endTime: "17:00",
      audience: { kind: "everyone" },
      visibility: "public",
      capacity: 60,
      maxGuests: 3,
      rsvpBy: addDays(today, 35),
      remindHoursBefore: 24,
    }),
  );
  const answer = (person: string, answer: "yes" | "no" | "maybe", guests = 0) =>
    Events.answerAsMember(actors.parent, studioId, recital.id, Events.memberRsvpSchema.parse({ person, answer, guests }));
  await answer(`student:${people.anika}`, "yes", 2);
  await answer(`student:${people.dev}`, "maybe");
  await Events.answerPublicly(
    slug,
    recital.id,
    Events.publicRsvpSchema.parse({ name: "Helen Brook", email: "helen.brook@example.test", answer: "yes", guests: 1 }),
  );
  await Events.createEvent(
    actors.owner,
    studioId,
    Events.eventInputSchema.parse({
      title: "Half-term holiday",
      kind: "holiday",
      description: "The studio is closed; lessons resume the Monday after.",
      date: addDays(today, 21),
      endDate: addDays(today, 27),
      audience: { kind: "everyone" },
      rsvp: false,
      notify: false,
    }),
  );
}
