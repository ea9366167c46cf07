import { renderActionEmail } from "./layout";

/**
 * Sent instead of a verification email when someone signs up with an address that already has
 * an account. Nothing the sign-up form carried (names, studio name) goes into it.
 */
export function signupExistingAccountMessage(input: { loginUrl: string; resetUrl: string }) {
  return renderActionEmail({
    subject: "Someone tried to sign up with your email",
    greeting: "Hi there,",
    paragraphs: [
      "Someone, maybe you, tried to create a new StudioSync account with this email address. You already have an account, so we did not create another one.",
      `Sign in with your existing account, or if you forgot your password, reset it here: ${input.resetUrl}`,
    ],
    action: { label: "Sign in", url: input.loginUrl },
    footer: "If it wasn't you, you can ignore this email: nothing changed on your account.",
  });
}
