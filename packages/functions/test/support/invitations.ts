import { extractLink, readMail } from "@studiosync/local/testing";

/** The token of the newest invitation link emailed to `email` (waits for `count` invitation emails). */
export async function invitationToken(email: string, count = 1) {
  const mails = await readMail(email, { count, subject: "Invitation to join" });
  const url = new URL(extractLink(mails[mails.length - 1]!.body.text ?? "", "/invitations/accept"));
  return url.searchParams.get("token")!;
}
