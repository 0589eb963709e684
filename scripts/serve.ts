// The production server behind `npm start`: Next's request handler on a plain Node HTTP server,
// so that the client's address is taken from the socket (or from the proxies TRUST_PROXY
// names) and stamped on each request before Next hands it to a route handler, which never sees
// the socket itself. Listens on HOST (default: all interfaces) and PORT (default 3000).
import { createServer } from "node:http";
import next from "next";
import { parseTrustProxy, STAMPED_ENV, stampClientAddress } from "~/server/http/client-address";

function readTrust() {
  try {
    return parseTrustProxy(process.env.TRUST_PROXY);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}

const trust = readTrust();
const port = Number(process.env.PORT ?? "3000");
const host = process.env.HOST?.trim() || undefined;

// Read by server/http/client-address.ts in this process: the header below is ours, not the
// client's. Set before Next loads any route.
process.env[STAMPED_ENV] = "1";

const app = next({ dev: false, dir: process.cwd(), hostname: host ?? "localhost", port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((request, response) => {
  stampClientAddress(request, trust);
  void handle(request, response);
});
server.listen(port, host, () => {
  const shown = host ?? "all interfaces";
  console.log(
    `Persona Atlas is listening on ${shown}, port ${port}` +
      (trust
        ? `; client addresses from X-Forwarded-For behind ${"hops" in trust ? `${trust.hops} proxy hop(s)` : trust.addresses.join(", ")}.`
        : "; client addresses from the connection (TRUST_PROXY is not set)."),
  );
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    server.close();
    void app.close().finally(() => process.exit(0));
  });
}
