// Where the command line writes: injected, so the command can run against real streams
// (scripts/analyze.ts) or in a test without touching the process.

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stderr is a terminal (draw a redrawn progress bar) or a file / pipe (plain lines). */
  stderrIsTTY: boolean;
  /** Relative paths in the arguments are resolved against this. */
  cwd: string;
}
