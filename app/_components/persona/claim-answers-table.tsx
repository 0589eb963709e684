// The responses behind a claim as a table: one row per respondent (numbered, linked to the whole
// response, marked typical or ambiguous), one column per question the claim rests on, each cell
// the answer in words. Replaces lists of response ids, which nobody can read.
import Link from "next/link";
import { plural } from "~/app/_lib/format";
import type { ClaimAnswers } from "~/server/features/analysis-runs/claim-answers";

export function ClaimAnswersTable({
  answers,
  caption,
  responseHref,
}: {
  answers: ClaimAnswers;
  caption: string;
  responseHref: (responseId: string) => string;
}) {
  const { questions, respondents, total } = answers;
  if (respondents.length === 0) return <p className="pa-note">No member responses.</p>;
  return (
    <>
      <div className="pa-table-scroll">
        <table className="table pa-compact pa-claim-answers">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Respondent</th>
              {questions.map((q) => (
                <th key={q.key} scope="col">
                  {q.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {respondents.map((r, i) => (
              <tr key={r.responseId}>
                <th scope="row">
                  <Link href={responseHref(r.responseId)}>Respondent {i + 1}</Link>
                  {r.representative && <span className="hint"> · typical</span>}
                  {r.ambiguous && <span className="hint"> · ambiguous</span>}
                </th>
                {questions.map((q) => (
                  <td key={q.key}>{r.answers[q.key] ?? <span className="hint">no answer</span>}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="hint">
        {respondents.length < total
          ? `Showing ${respondents.length} of ${plural(total, "member")}, typical members first.`
          : `All ${plural(total, "member")}, typical members first.`}{" "}
        Each respondent links to their whole response.
      </p>
    </>
  );
}
