// tRPC over HTTP: transport only.
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "~/server/api/root";
import { getSessionUser } from "~/server/auth/session";
import { getDb } from "~/server/db";
import { clientIp } from "~/server/http/rate-limit";

export const dynamic = "force-dynamic";

const handler = (req: Request) =>
  fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: async () => ({
      db: await getDb(),
      user: await getSessionUser(),
      clientAddress: clientIp(req.headers),
    }),
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR")
        console.error(`tRPC ${path ?? "?"} failed`, error);
    },
  });

export { handler as GET, handler as POST };
