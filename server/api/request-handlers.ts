// tRPC for one request: over HTTP (app/api/trpc) and from a server component (app/_lib/server-api),
// each with this process's database and the request's session, so the app never opens either.
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { getDb } from "~/server/db";
import { getSessionUser } from "~/server/features/accounts/session";
import { clientAddress } from "~/server/infra/client-address";
import { appRouter, createCaller } from "./root";

/** Answers a tRPC request from the browser. */
export function handleTrpcRequest(req: Request): Promise<Response> {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: async () => ({
      db: await getDb(),
      user: await getSessionUser(),
      clientAddress: clientAddress(req.headers),
    }),
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR")
        console.error(`tRPC ${path ?? "?"} failed`, error);
    },
  });
}

/** A caller for server components: the same procedures, this request's session. */
export async function createRequestCaller(options: Parameters<typeof createCaller>[1]) {
  return createCaller({ db: await getDb(), user: await getSessionUser() }, options);
}
