// The `analyze` command's entry: parse the arguments, print help, run the analysis, and turn
// failures into one line on stderr and an exit code (2 usage, 1 data). It returns the code
// instead of exiting so that scripts/analyze.ts stays a shim. The engine, zod and papaparse are
// imported only once the arguments are valid, so --help and usage errors answer at once.
import { HELP, parseAnalyzeArgs } from "./args";
import { DataError, UsageError } from "./errors";
import type { CliIo } from "./io";

export type { CliIo } from "./io";

/** Runs the command; resolves to the process exit code. */
export async function runAnalyzeCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const args = parseAnalyzeArgs(argv);
    if (args.help) {
      io.stdout(`${HELP}\n`);
      return 0;
    }
    const { analyze } = await import("./run-analyze");
    await analyze(args, io);
    return 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof DataError) {
      io.stderr(`analyze: ${error.message}\n`);
      return error.exitCode;
    }
    io.stderr(`analyze: unexpected error: ${(error as Error).stack ?? String(error)}\n`);
    return 1;
  }
}
