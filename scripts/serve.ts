// The production server behind `npm start`: Next's request handler on a plain Node HTTP server,
// so that the client's address is taken from the socket (or from the proxies TRUST_PROXY
// names) and stamped on each request before Next hands it to a route handler, which never sees
// the socket itself. Over HTTPS (a TLS socket, or a trusted proxy's X-Forwarded-Proto) responses
// get HSTS and Secure cookies (transport-security.ts). Listens on PORT (default 3000) and HOST (default: this machine only on the
// embedded database, all interfaces with DATABASE_URL; see deployment-defaults.ts).
import { createServer } from "node:http";
import next from "next";
import { listenHost } from "~/server/db/deployment-defaults";
import { parseTrustProxy, STAMPED_ENV, stampClientAddress } from "~/server/infra/client-address";
import { applyHttpsProtections, arrivedOverHttps } from "~/server/http/transport-security";
import { checkConfigAtBoot } from "~/server/infra/config";

const settings = checkConfigAtBoot();

function readTrust() {
  try {
    return parseTrustProxy(settings.trustProxy);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}

const trust = readTrust();
const { port } = settings;
const { host, note } = listenHost();

// Read by server/infra/client-address.ts in this process: the header below is ours, not the
// client's. Set before Next loads any route.
process.env[STAMPED_ENV] = "1";

const app = next({ dev: false, dir: process.cwd(), hostname: host ?? "localhost", port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((request, response) => {
  stampClientAddress(request, trust);
  if (arrivedOverHttps(request, trust)) applyHttpsProtections(response);
  void handle(request, response);
});
server.listen(port, host, () => {
  console.log(note);
  console.log(
    `Persona Atlas is serving on port ${port}` +
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
