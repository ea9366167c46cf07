import type { Actor } from "@studiosync/core";
import * as Messaging from "@studiosync/core/messaging";
import type { DemoPeople } from "./seed-demo-schedule";

/**
 * The demo studio's conversations: Clara and the Patels about Anika's recital piece (a
 * question, an answer, Clara's reply still unread by the family), and Priya asking the studio
 * about the violin deposit (unread by the studio); and the owner's announcement of the spring
 * recital to all families, sent (by email and in the app).
 */
export async function seedDemoMessages(actors: { owner: Actor; teacher: Actor; parent: Actor }, studioId: string, people: DemoPeople) {
  const start = (actor: Actor, input: Record<string, unknown>) => Messaging.startThread(actor, studioId, Messaging.startThreadSchema.parse(input));
  const post = (actor: Actor, threadId: string, body: string) => Messaging.postMessage(actor, studioId, threadId, Messaging.postMessageSchema.parse({ body }));
  const recital = await start(actors.teacher, {
    subject: "Anika's recital piece",
    body: "Hi Priya, for the spring recital I'd like Anika to play the Clementi Sonatina. Could she practise the first page 15 minutes a day?",
    to: [{ kind: "family", id: people.family }],
    studentId: people.anika,
  });
  await post(actors.parent, recital.id, "That sounds lovely — she's excited. Should she also bring the book on Monday?");
  await post(actors.teacher, recital.id, "Yes please, the green Clementi book. See you Monday!");
  await start(actors.parent, {
    subject: "Violin deposit",
    body: "Hello, is the violin deposit refunded to the card or taken off the next invoice? Thanks, Priya",
    to: [{ kind: "studio" }],
  });
  await Messaging.createAnnouncement(
    actors.owner,
    studioId,
    Messaging.composeAnnouncementSchema.parse({
      subject: "Spring recital on 20 March",
      body: "Our spring recital is on Saturday 20 March at 3 pm in the main hall.\nEvery student plays one piece; families and friends are welcome.\nPlease tell your teacher by 1 March which piece your child will play.",
      audience: { kind: "families" },
    }),
  );
}
