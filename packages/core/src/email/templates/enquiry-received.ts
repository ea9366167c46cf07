import { renderActionEmail, type EmailLink, type RenderedEmail } from "./layout";

/** An enquiry sent from the studio's public page, acknowledged to its sender. */
export function enquiryReceivedMessage(input: { studioName: string; contactName: string; studentName: string; studio: EmailLink }): RenderedEmail {
  return renderActionEmail({
    subject: `${input.studioName} has your enquiry`,
    greeting: `Hi ${input.contactName},`,
    paragraphs: [
      `Thank you for your enquiry about lessons for ${input.studentName}. ${input.studioName} has it and will get back to you soon.`,
      "Nothing else to do for now; if you'd rather pick a time yourself, the studio's page lists its teachers and their free trial slots.",
    ],
    action: input.studio,
    footer: `You receive this because this address sent an enquiry on ${input.studioName}'s page.`,
  });
}
