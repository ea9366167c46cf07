import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createAdaptorServer } from "@hono/node-server";
import { createApp } from "@studiosync/functions";
import { freePort, LOCAL_HOST } from "../engines/free-port";

export interface ApiServer {
  url: string;
  close(): Promise<void>;
}

/** Serves the same Hono app as the Lambda on 127.0.0.1 (the preferred port, else a free one). */
export async function startApiServer(preferredPort: number): Promise<ApiServer> {
  const app = createApp();
  const server = createAdaptorServer({ fetch: app.fetch, hostname: LOCAL_HOST }) as Server;
  try {
    await listen(server, preferredPort);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EADDRINUSE") throw error;
    await listen(server, await freePort());
  }
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${LOCAL_HOST}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, LOCAL_HOST, () => {
      server.removeListener("error", reject);
      resolve();
    });
  });
}
