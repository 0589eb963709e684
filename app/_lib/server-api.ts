// Server components call the same tRPC procedures as the browser, with this request's session,
// so authorisation is checked in one place.
import { redirect } from "next/navigation";
import { cache } from "react";
import { TRPCError } from "@trpc/server";
import { createRequestCaller } from "~/server/api/request-handlers";

export const serverApi = cache(async () =>
  createRequestCaller({
    // A signed-out visitor (or one whose session was ended) is sent to sign in, rather than
    // the page failing with an error and a stack trace in the server log.
    onError: ({ error }) => {
      if (error.code === "UNAUTHORIZED") redirect("/signin");
    },
  }),
);

/** Runs a server-side call and returns its refusal as data, for pages that explain it. */
export async function attempt<T>(
  call: () => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; code: TRPCError["code"]; message: string }> {
  try {
    return { ok: true, value: await call() };
  } catch (error) {
    if (error instanceof TRPCError) return { ok: false, code: error.code, message: error.message };
    throw error;
  }
}
