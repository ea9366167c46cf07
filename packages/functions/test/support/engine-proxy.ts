import net from "node:net";

export type ProxyMode = "up" | "refuse" | "throttle" | "fail";

/** A DynamoDB JSON-protocol error answer, as the service sends it. */
function awsError(status: number, type: string, message: string) {
  const body = JSON.stringify({ __type: `com.amazonaws.dynamodb.v20120810#${type}`, message });
  return (
    `HTTP/1.1 ${status} ${status === 400 ? "Bad Request" : "Internal Server Error"}\r\n` +
    `Content-Type: application/x-amz-json-1.0\r\nx-amzn-ErrorType: ${type}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
    `Connection: close\r\n\r\n${body}`
  );
}

/**
 * A TCP proxy in front of one engine (the shared DynamoDB Local), so a test file can make the
 * engine unreachable or refuse for its own process only, without stopping it for other files:
 * - `up`: bytes pass through;
 * - `refuse`: open connections are cut and new ones reset at once (an engine that went away);
 * - `throttle`: every request answers ProvisionedThroughputExceededException;
 * - `fail`: every request answers a 500 InternalServerError.
 */
export class EngineProxy {
  mode: ProxyMode = "up";
  private readonly sockets = new Set<net.Socket>();
  private server?: net.Server;

  constructor(private readonly target: URL) {}

  async start(): Promise<string> {
    this.server = net.createServer((client) => this.accept(client));
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(this.server.address() as net.AddressInfo).port}`;
  }

  /** Switches mode; leaving `up` cuts every open connection (mid-request ones included). */
  set(mode: ProxyMode) {
    this.mode = mode;
    if (mode !== "up") for (const socket of this.sockets) socket.destroy();
  }

  async stop() {
    this.set("refuse");
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  private accept(client: net.Socket) {
    client.on("error", () => client.destroy());
    if (this.mode === "refuse") return void client.resetAndDestroy();
    if (this.mode === "throttle" || this.mode === "fail") {
      const answer =
        this.mode === "throttle"
          ? awsError(400, "ProvisionedThroughputExceededException", "Rate exceeded")
          : awsError(500, "InternalServerError", "Internal server error");
      client.once("data", () => client.end(answer));
      return;
    }
    const upstream = net.connect(Number(this.target.port), this.target.hostname);
    for (const socket of [client, upstream]) {
      this.sockets.add(socket);
      socket.on("close", () => this.sockets.delete(socket));
    }
    upstream.on("error", () => client.destroy());
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
    client.pipe(upstream).pipe(client);
  }
}
