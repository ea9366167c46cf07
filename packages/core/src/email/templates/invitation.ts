import { renderActionEmail } from "./layout";
import { quotedName } from "./subject-text";

const ROLE_WORDS: Record<string, string> = { admin: "an administrator", teacher: "a teacher", student: "a student", parent: "a parent" };

export function invitationMessage(input: { studioName: string; role: string; url: string; validDays: number }) {
  return renderActionEmail({
    subject: `Invitation to join ${quotedName(input.studioName)} on StudioSync`,
    greeting: "Hi there,",
    paragraphs: [
      `The studio “${input.studioName}” invited you to join them on StudioSync as ${ROLE_WORDS[input.role] ?? input.role}.`,
      "If you already have a StudioSync account, accepting adds this studio to it; otherwise you choose a password.",
    ],
    action: { label: "Accept the invitation", url: input.url },
    footer: `This link works once and expires in ${input.validDays} days. If you did not expect it, you can ignore this email.`,
  });
}
