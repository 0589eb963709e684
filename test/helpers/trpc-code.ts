// What a tRPC call ended with, as one comparable string: "OK", the TRPCError code, or a marked
// description of anything else, so tests can assert on the outcome of many calls at once.
import { TRPCError } from "@trpc/server";

export async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    return error instanceof TRPCError ? error.code : `non-tRPC error: ${String(error)}`;
  }
}
