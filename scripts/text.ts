// Command line for open-text answers: npx tsx scripts/text.ts <file> --column <name> [options]
// (npm run text -- ...). Everything lives in server/cli/text-cli.ts; see --help.
import { runTextCli } from "~/server/cli/text-cli";

process.exitCode = await runTextCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stderrIsTTY: process.stderr.isTTY === true,
  cwd: process.cwd(),
});
