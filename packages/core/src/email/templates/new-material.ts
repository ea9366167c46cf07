import { renderActionEmail, type EmailLink, type RenderedEmail } from "./layout";
import { subjectText } from "./subject-text";

export interface NewMaterialEmail {
  studioName: string;
  greetingName: string;
  /** Each new item: its title and who shared it. */
  items: { title: string; sharedByName: string }[];
  /** The signed page that lists and plays the materials. */
  open: EmailLink;
  unsubscribe: { headers: Record<string, string>; unsubscribe: EmailLink };
}

const LISTED = 10;

/** The day's batch of material shared with a student or family: one email per recipient per day. */
export function newMaterialMessage(input: NewMaterialEmail): RenderedEmail {
  const teachers = [...new Set(input.items.map((i) => i.sharedByName))];
  const from = teachers.length === 1 ? teachers[0]! : "your teachers";
  const first = input.items[0]!;
  const subject =
    input.items.length === 1
      ? `New material from ${subjectText(from)}: ${subjectText(first.title)}`
      : `${input.items.length} new materials from ${subjectText(from)}`;
  const listed = input.items.slice(0, LISTED).map((i) => `• ${i.title}${teachers.length > 1 ? ` (from ${i.sharedByName})` : ""}`);
  const more = input.items.length > LISTED ? [`…and ${input.items.length - LISTED} more.`] : [];
  const email = renderActionEmail({
    subject,
    greeting: `Hi ${input.greetingName},`,
    paragraphs: [
      `${from === "your teachers" ? "Your teachers have" : `${from} has`} shared new material with you at ${input.studioName}:`,
      ...listed,
      ...more,
      "Open it to listen, read or download — no sign-in needed.",
    ],
    action: input.open,
    footer: `You receive this because material was shared with you at ${input.studioName}. The link works for 30 days; after that, sign in to the portal to find everything under My materials.`,
    unsubscribe: input.unsubscribe.unsubscribe,
  });
  return { ...email, headers: input.unsubscribe.headers };
}
