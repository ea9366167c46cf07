import { renderActionEmail, type RenderedEmail } from "./layout";
import { quotedName, subjectText } from "./subject-text";

export interface LeadFollowUpsEmail {
  studioName: string;
  greetingName: string;
  /** The local day the email is for. */
  day: string;
  /** Each task: its title, the lead's name, its due date, whether it is overdue, the lead's page. */
  tasks: { title: string; leadName: string; dueOn: string; overdue: boolean; url: string }[];
  /** The workspace's leads list. */
  leadsUrl: string;
}

const LINKED = 10;

/** To a task owner, once a day when they have follow-ups due: every due and overdue task, with links to the leads. */
export function leadFollowUpsMessage(input: LeadFollowUpsEmail): RenderedEmail {
  const overdue = input.tasks.filter((t) => t.overdue).length;
  const due = input.tasks.length - overdue;
  const counts = [due ? `${due} due today` : "", overdue ? `${overdue} overdue` : ""].filter(Boolean).join(", ");
  return renderActionEmail({
    subject: `Follow-ups at ${quotedName(input.studioName)}: ${counts}`,
    greeting: `Hi ${input.greetingName},`,
    paragraphs: [
      `Your lead follow-ups for ${input.day}:`,
      ...input.tasks.map((t) => `• ${t.title} — ${t.leadName} (${t.overdue ? `overdue since ${t.dueOn}` : "due today"})`),
    ],
    action: { label: "Open the leads", url: input.leadsUrl },
    links: input.tasks.slice(0, LINKED).map((t) => ({ label: t.leadName, url: t.url })),
    footer: "You receive this because these tasks are yours. Mark a task done on its lead's page and it leaves tomorrow's list.",
  });
}
