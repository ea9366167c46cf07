import { renderActionEmail } from "./layout";

export function verifyEmailMessage(input: { name: string; studioName?: string; url: string; validHours: number }) {
  return renderActionEmail({
    subject: "Confirm your email for StudioSync",
    greeting: `Hi ${input.name},`,
    paragraphs: [
      input.studioName
        ? `Welcome to StudioSync! Please confirm your email address to finish setting up ${input.studioName}.`
        : "Please confirm your email address to finish setting up your StudioSync account.",
    ],
    action: { label: "Confirm my email", url: input.url },
    footer: `This link works once and expires in ${input.validHours} hours. If you did not sign up, you can ignore this email.`,
  });
}
