import { createRequire } from "node:module";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { LOCAL_HOST } from "./free-port";

export interface SesLocal {
  /** SES API endpoint; also serves the mail viewer at `/` and sent mail as JSON at `/store`. */
  endpoint: string;
  stop(): Promise<void>;
}

type StartSesServer = (config?: { host?: string; port?: number }) => Promise<Server>;
const require = createRequire(import.meta.url);

/** aws-ses-v2-local in this process. Its mail store is process-global, shared by all clients. */
export async function startSesLocal(preferredPort = 0): Promise<SesLocal> {
  const start = (require("aws-ses-v2-local") as { default: StartSesServer }).default;
  const server = await start({ host: LOCAL_HOST, port: preferredPort });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://${LOCAL_HOST}:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
