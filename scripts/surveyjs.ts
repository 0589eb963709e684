// Command line for SurveyJS conversion: npx tsx scripts/surveyjs.ts import|export <file> [--out f]
// (npm run surveyjs -- ...). Everything lives in server/cli/surveyjs-cli.ts; see --help.
import { runSurveyJsCli } from "~/server/cli/surveyjs-cli";

process.exitCode = await runSurveyJsCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stderrIsTTY: process.stderr.isTTY === true,
  cwd: process.cwd(),
});
