import type { Context } from "hono";
import { config } from "@studiosync/core/kernel";
import { verifiedVisitorIp, VISITOR_IP_HEADER, VISITOR_IP_SIGNATURE_HEADER } from "@studiosync/core/rate-limit";

type TransportEnv = {
  /** hono/aws-lambda: the API Gateway (HTTP API) event. */
  event?: { requestContext?: { http?: { sourceIp?: string } } };
  /** @hono/node-server (npm start): the Node request. */
  incoming?: { socket?: { remoteAddress?: string } };
};

/**
 * The caller's IP, for per-IP rate limits: the address the platform saw (API Gateway's sourceIp
 * on Lambda, the socket locally). X-Forwarded-For is client-controlled and never read. The one
 * exception is the site, which calls from its own server: its X-Visitor-Ip counts only when
 * signed (see core/rate-limit/visitor-ip.ts). Undefined where nothing is known (in-process
 * test requests); per-IP limits then do not apply.
 */
export function clientIp(c: Context): string | undefined {
  const forwarded = verifiedVisitorIp(c.req.header(VISITOR_IP_HEADER), c.req.header(VISITOR_IP_SIGNATURE_HEADER), config().appSecret);
  if (forwarded) return forwarded;
  const env = c.env as TransportEnv | undefined;
  return env?.event?.requestContext?.http?.sourceIp ?? env?.incoming?.socket?.remoteAddress ?? undefined;
}
