// The two live regions of the respondent form and the words they say: a polite status (resumed,
// sending, retrying in n seconds) and an alert (how many answers need attention, the send
// failed, or the server's own message), both in the respondent's language.
import type { RespondentWords } from "~/app/s/[slug]/i18n";

export type Status =
  { kind: "resumed" } | { kind: "sending" } | { kind: "retrying"; seconds: number } | null;

export type Alert =
  | { kind: "summary"; count: number }
  | { kind: "failed" }
  | { kind: "message"; text: string }
  | null;

export function statusText(status: Status, words: RespondentWords): string {
  if (status?.kind === "resumed") return words.resumed;
  if (status?.kind === "sending") return words.sending;
  if (status?.kind === "retrying") return words.retrying(status.seconds);
  return "";
}

export function alertText(alert: Alert, words: RespondentWords): string {
  if (alert?.kind === "summary") return words.errorSummary(alert.count);
  if (alert?.kind === "failed") return words.sendFailed;
  if (alert?.kind === "message") return alert.text;
  return "";
}
