/** Who is acting: the signed-in user, as proven by the access token, or a studio's API key. */
export interface Actor {
  userId: string;
  sessionId: string;
  /**
   * Set when the Bearer token is an API key (`ssk_…`): `sessionId` is the key's id and `userId`
   * `apikey:<keyId>`. The request's first read checks the key (policy/api-key-check.ts) and
   * fills in its studio and last use.
   */
  apiKey?: { secretHash: string; method: string; path: string; studioId?: string; lastUsedAt?: string };
}
