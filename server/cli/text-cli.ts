// The `text` command's entry (npm run text): parse the arguments, print help, run, and turn
// failures into one line on stderr and an exit code (2 usage, 1 data), as `analyze` does. The
// language model and papaparse load only once the arguments are valid.
import { DataError, UsageError } from "./errors";
import type { CliIo } from "./io";
import { parseTextArgs, TEXT_HELP } from "./text-args";

export async function runTextCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const args = parseTextArgs(argv);
    if (args.help) {
      io.stdout(`${TEXT_HELP}\n`);
      return 0;
    }
    const { runText } = await import("./text-run");
    await runText(args, io);
    return 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof DataError) {
      io.stderr(`text: ${error.message}\n`);
      return error.exitCode;
    }
    io.stderr(`text: unexpected error: ${(error as Error).stack ?? String(error)}\n`);
    return 1;
  }
}
