/** Who is acting: the signed-in user, as proven by the access token. */
export interface Actor {
  userId: string;
  sessionId: string;
}
