// The two ways the command line fails, with their exit codes: a usage error (the command was
// called wrongly: bad flag, bad --k, unknown column) exits 2, a data error (the file cannot be
// read, is not a CSV, has too few respondents) exits 1. Both carry a one-line message.

export class UsageError extends Error {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

export class DataError extends Error {
  readonly exitCode = 1;
  constructor(message: string) {
    super(message);
    this.name = "DataError";
  }
}
