import { renderActionEmail } from "./layout";

/**
 * Mail about a login's own security: a password changed while signed in, and the steps of an
 * email change. Essential mail (never unsubscribable); nothing a caller typed goes into it
 * besides the address that is the subject of the change.
 */
export function passwordChangedMessage(input: { name: string; resetUrl: string }) {
  return renderActionEmail({
    subject: "Your StudioSync password was changed",
    greeting: `Hi ${input.name},`,
    paragraphs: [
      "The password of your StudioSync account was just changed, and every other device was signed out.",
      "If that was you, there is nothing more to do.",
    ],
    action: { label: "Wasn't you? Reset your password", url: input.resetUrl },
    footer: "Resetting the password signs out everyone who is using it.",
  });
}

export function confirmNewEmailMessage(input: { name: string; url: string; validHours: number }) {
  return renderActionEmail({
    subject: "Confirm your new email address",
    greeting: `Hi ${input.name},`,
    paragraphs: ["You asked to use this address for your StudioSync account. Your account keeps its old address until you confirm."],
    action: { label: "Confirm this address", url: input.url },
    footer: `This link works once and expires in ${input.validHours} hours. If you did not ask for it, ignore this email: nothing changes.`,
  });
}

export function emailChangeRequestedMessage(input: { name: string; newEmail: string; resetUrl: string }) {
  return renderActionEmail({
    subject: "Your StudioSync email address is about to change",
    greeting: `Hi ${input.name},`,
    paragraphs: [
      `Someone signed in to your account asked to change its email address to ${input.newEmail}.`,
      "It changes only when the link we sent to that address is opened. Until then you sign in with this address as before.",
    ],
    action: { label: "Wasn't you? Reset your password", url: input.resetUrl },
    footer: "Resetting the password signs out everyone who is using it and stops the change.",
  });
}

/** To an address that already has an account: the change was refused, and the requester was told no more than "check that inbox". */
export function emailChangeTakenMessage(input: { loginUrl: string }) {
  return renderActionEmail({
    subject: "Someone tried to move an account to your email",
    greeting: "Hi there,",
    paragraphs: ["Someone asked to use this email address for another StudioSync account. This address already has an account, so nothing was changed."],
    action: { label: "Sign in", url: input.loginUrl },
    footer: "If it was you, sign in with this address instead. Otherwise you can ignore this email.",
  });
}
