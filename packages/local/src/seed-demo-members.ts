import { Accounts, Invitations, type Actor } from "@studiosync/core";
import { invitationUrl } from "@studiosync/core/invitations";
import type { DemoPeople } from "./seed-demo-schedule";

/** A demo login: who signs in, and as whom the studio knows them. */
export interface DemoLogin {
  email: string;
  password: string;
  name: string;
}

/**
 * The demo teacher and parent as real members, the way people join: the owner invites them from
 * their records (Clara as the teacher she is, Priya as the Patels' guardian) and each accepts with
 * a name and password. Returns them signed in, for the history they write.
 */
export async function seedDemoMembers(
  owner: Actor,
  studioId: string,
  people: DemoPeople,
  logins: { teacher: DemoLogin; parent: DemoLogin },
): Promise<{ teacher: Actor; parent: Actor }> {
  const [teacher, parent] = await Promise.all([
    inviteAndAccept(owner, studioId, { email: logins.teacher.email, role: "teacher", teacherId: people.clara }, logins.teacher),
    inviteAndAccept(owner, studioId, { email: logins.parent.email, role: "parent", guardianId: people.priya, familyId: people.family }, logins.parent),
  ]);
  return { teacher, parent };
}

async function inviteAndAccept(owner: Actor, studioId: string, target: Record<string, string>, login: DemoLogin): Promise<Actor> {
  const invitation = await Invitations.createInvitation(owner, studioId, Invitations.createInvitationSchema.parse(target));
  // The link the invitation email carries, as the invitee would follow it.
  const link = new URL(invitationUrl({ studioId, invitationId: invitation.id, sentCount: invitation.sentCount, validUntil: invitation.validUntil }));
  const accepted = await Invitations.acceptInvitation(
    Invitations.acceptInvitationSchema.parse({ token: link.searchParams.get("token"), name: login.name, password: login.password }),
  );
  if (!accepted.session) throw new Error(`${login.email} already had an account; the demo expects a fresh one`);
  return { userId: accepted.userId, sessionId: Accounts.verifyAccessToken(accepted.session.accessToken).sid };
}
