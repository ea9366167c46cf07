import { renderActionEmail } from "./layout";
import { quotedName, subjectText } from "./subject-text";

/**
 * To whoever asked to join from the public page. Anyone can type any address into that form, so
 * nothing they typed (names, message) goes into it: only the studio's own name and page.
 */
export function accessRequestReceivedMessage(input: { studioName: string; studioUrl: string }) {
  return renderActionEmail({
    subject: `We received your request to join ${quotedName(input.studioName)}`,
    greeting: "Hello,",
    paragraphs: [
      `Your request to join ${input.studioName} on StudioSync is with the studio.`,
      "They will reply by email. If they accept, that email has a link to create your account.",
    ],
    action: { label: `Visit ${subjectText(input.studioName)}'s page`, url: input.studioUrl },
    footer: "If you didn't ask to join, you can ignore this email: nothing happens unless the studio invites you.",
  });
}

/**
 * To the studio's owners and admins. The requester's name and role only (the message they left is
 * read in the workspace, not relayed by email), with a link to the request.
 */
export function accessRequestForAdminsMessage(input: { studioName: string; name: string; email: string; role: string; url: string }) {
  const name = subjectText(input.name, 80);
  return renderActionEmail({
    subject: `${subjectText(input.name)} asks to join ${quotedName(input.studioName)}`,
    greeting: "Hello,",
    paragraphs: [`${name} (${input.email}) asked to join ${input.studioName} as a ${input.role} from the studio's public page.`],
    action: { label: "Review the request", url: input.url },
    footer: "Approving sends them an invitation; rejecting tells them by email.",
  });
}
