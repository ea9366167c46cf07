import { createRequire } from "node:module";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { LOCAL_HOST } from "./free-port";
import { LOCAL_CREDENTIALS } from "./aws-clients";

export interface S3Local {
  endpoint: string;
  stop(): Promise<void>;
}

interface S3rverInstance {
  run(): Promise<AddressInfo>;
  httpServer?: Server;
  close(): Promise<void>;
}
type S3rverClass = new (options: Record<string, unknown>) => S3rverInstance;
interface S3rverAccountModule {
  DUMMY_ACCOUNT: { createKeyPair(accessKeyId: string, secretAccessKey: string): void };
}

const require = createRequire(import.meta.url);

/**
 * s3rver in this process, storing objects under `directory`. It accepts any SigV4 signature
 * but rejects unknown access key ids, so the local key id is registered with its dummy account.
 */
export async function startS3Local(directory: string): Promise<S3Local> {
  const S3rver = require("s3rver") as S3rverClass;
  const accounts = require("s3rver/lib/models/account") as S3rverAccountModule;
  accounts.DUMMY_ACCOUNT.createKeyPair(LOCAL_CREDENTIALS.accessKeyId, LOCAL_CREDENTIALS.secretAccessKey);

  const server = new S3rver({
    address: LOCAL_HOST,
    port: 0,
    silent: true,
    directory,
    allowMismatchedSignatures: true,
    vhostBuckets: false,
  });
  const { port } = await server.run();
  return {
    endpoint: `http://${LOCAL_HOST}:${port}`,
    async stop() {
      server.httpServer?.closeAllConnections();
      await server.close();
    },
  };
}
