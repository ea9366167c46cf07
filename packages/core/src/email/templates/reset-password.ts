import { renderActionEmail } from "./layout";

export function resetPasswordMessage(input: { name: string; url: string; validMinutes: number }) {
  return renderActionEmail({
    subject: "Reset your StudioSync password",
    greeting: `Hi ${input.name},`,
    paragraphs: ["Someone (hopefully you) asked to reset the password of your StudioSync account."],
    action: { label: "Choose a new password", url: input.url },
    footer: `This link works once and expires in ${input.validMinutes} minutes. If you did not ask for it, ignore this email: your password stays the same.`,
  });
}
