// Reads a tRPC failure in the browser: the message and the per-field messages the server sent.
export interface FailureView {
  message: string;
  fieldErrors: Record<string, string[] | undefined>;
}

export function readFailure(error: unknown): FailureView {
  const e = error as {
    message?: string;
    data?: { fieldErrors?: Record<string, string[]> | null };
  } | null;
  if (!e) return { message: "", fieldErrors: {} };
  const message =
    e.message && !e.message.startsWith("Failed to fetch")
      ? e.message
      : "We could not reach the server. Check your connection and try again.";
  return { message, fieldErrors: e.data?.fieldErrors ?? {} };
}
