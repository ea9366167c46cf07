import { createServer } from "node:net";

export const LOCAL_HOST = "127.0.0.1";

/** Binds port 0 on 127.0.0.1 and returns the port the OS picked. */
export function freePort(): Promise<number> {
  return listenOnce(0);
}

/** The preferred port if nothing listens on it, otherwise a free one. */
export async function preferredOrFreePort(preferred: number): Promise<number> {
  try {
    return await listenOnce(preferred);
  } catch {
    return freePort();
  }
}

function listenOnce(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once("error", reject);
    server.listen({ port, host: LOCAL_HOST, exclusive: true }, () => {
      const address = server.address();
      const chosen = typeof address === "object" && address ? address.port : port;
      server.close(() => resolve(chosen));
    });
  });
}
