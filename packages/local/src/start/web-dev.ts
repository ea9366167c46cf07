import { dev } from "astro";
import { LOCAL_HOST } from "../engines/free-port";
import { WEB_DIR } from "../paths";

export interface WebDevServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * The Astro dev server for web/ in this process (so it cannot outlive `npm start`). It reads
 * API_URL from process.env per request, so set that before the first page is served.
 */
export async function startWebDev(port: number): Promise<WebDevServer> {
  process.env.ASTRO_TELEMETRY_DISABLED = "1";
  process.env.ASTRO_DISABLE_UPDATE_CHECK = "true";
  // Same as `npm run dev -w web`: the Node adapter, not the SST one.
  process.env.ASTRO_TARGET = "node";
  const server = await dev({
    root: WEB_DIR,
    server: { host: LOCAL_HOST, port },
    logLevel: "warn",
  });
  return {
    url: `http://${LOCAL_HOST}:${server.address.port}`,
    stop: () => server.stop(),
  };
}
