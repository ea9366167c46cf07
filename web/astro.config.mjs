// @ts-check
import { defineConfig, passthroughImageService } from "astro/config";
import node from "@astrojs/node";
import sst from "astro-sst";

// Two builds of the same site: the default (astro-sst, web/dist) is what SST's AstroSite deploys —
// it reads dist/sst.buildMeta.json; ASTRO_TARGET=node builds a standalone Node server (web/dist-node)
// that `npm start` and the browser tests run.
const target = process.env.ASTRO_TARGET === "node" ? "node" : "sst";

export default defineConfig({
  output: "server",
  adapter: target === "node" ? node({ mode: "standalone" }) : sst({ deploymentStrategy: "regional" }),
  outDir: target === "node" ? "./dist-node" : "./dist",
  // The default (sharp) image service makes SST synth try to download sharp; nothing here resizes images.
  image: { service: passthroughImageService() },
  // The Node server only trusts a Host header it is told about (otherwise Astro.url is
  // http://localhost and the origin check rejects every form POST). `*.localhost` are the studios'
  // subdomains locally (`<slug>.studiosync.localhost`, lib/studio-host-routing.ts). The node build serves local
  // runs and tests; on AWS the astro-sst entry builds the URL from the CloudFront request instead.
  security: {
    checkOrigin: true,
    allowedDomains: target === "node" ? [{ hostname: "127.0.0.1" }, { hostname: "localhost" }, { hostname: "**.localhost" }] : [],
  },
  // No client-side prefetching or view transitions: the site works as plain HTML forms and links.
  prefetch: false,
  devToolbar: { enabled: false },
});
