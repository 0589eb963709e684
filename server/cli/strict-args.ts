// The one way our commands read their flags: node's parseArgs in strict mode with positionals
// allowed, its complaint turned into a UsageError (exit 2). Each command keeps its own wording
// through `explain`; analyze, for one, trims the message and points at --help.
import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError } from "./errors";

export type TCliOptions = NonNullable<ParseArgsConfig["options"]>;

export function parseStrictArgs<const O extends TCliOptions>(
  argv: readonly string[],
  options: O,
  explain: (message: string) => string = (message) => message,
) {
  try {
    return parseArgs({ args: [...argv], allowPositionals: true, strict: true, options });
  } catch (error) {
    throw new UsageError(explain((error as Error).message));
  }
}
