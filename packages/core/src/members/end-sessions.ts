import type { WriteTx } from "../db/service";

/**
 * Ends every sign-in of the user at once: refresh tokens carry the credential's session epoch,
 * so bumping it makes them all fail. (The epoch is per login, so their sessions at other studios
 * end too; they sign in again.)
 */
export const endSessions = (tx: WriteTx, email: string) => tx.credential.patch({ email }).add({ sessionEpoch: 1 }).commit();
