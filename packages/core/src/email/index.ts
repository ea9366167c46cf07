export { sendEmail, sesSender, type EmailSender } from "./ses";
export type { RenderedEmail } from "./templates/layout";
export { verifyEmailMessage } from "./templates/verify-email";
export { resetPasswordMessage } from "./templates/reset-password";
export { signupExistingAccountMessage } from "./templates/signup-existing-account";
export { confirmNewEmailMessage, emailChangeRequestedMessage, emailChangeTakenMessage, passwordChangedMessage } from "./templates/account-security";
