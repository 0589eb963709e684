// Command line for the persona engine: npx tsx scripts/analyze.ts <responses.csv> [options]
// (npm run analyze -- ...). Everything lives in server/cli/analyze.ts; see --help.
import { runAnalyzeCli } from "~/server/cli/analyze";

process.exitCode = await runAnalyzeCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stderrIsTTY: process.stderr.isTTY === true,
  cwd: process.cwd(),
});
