// Where the persona's people speak: quotes from its typical members, linked to their responses,
// and the member responses behind it with their answers to the questions its traits rest on.
import Link from "next/link";
import { FormAlert } from "~/app/_components/form-alert";
import { ClaimAnswersTable } from "~/app/_components/persona/claim-answers-table";
import { personaQuotes, type Loaded, type PersonaRecord } from "./persona-view";

export function PersonaQuotes({
  persona: p,
  responsesBase,
}: {
  persona: PersonaRecord;
  responsesBase: string;
}) {
  const quotes = personaQuotes(p);
  return (
    <section className="panel" aria-labelledby="quotes-title">
      <h2 id="quotes-title">Quotes from typical members</h2>
      {quotes.length > 0 ? (
        quotes.map((q) => (
          <figure key={`${q.responseId}-${q.questionId}`} className="pa-quote">
            <blockquote>{q.text}</blockquote>
            <figcaption>
              {q.questionLabel} · response{" "}
              <Link href={`${responsesBase}/${q.responseId}`}>
                <code>{q.responseId}</code>
              </Link>{" "}
              · closeness rank {q.closenessRank}
            </figcaption>
          </figure>
        ))
      ) : (
        <p className="pa-note">
          {p.persona.card.quotesNote ?? "No quotes: members left no written answers."}
        </p>
      )}
    </section>
  );
}

type ClaimAnswers = Parameters<typeof ClaimAnswersTable>[0]["answers"];

export function PersonaMembers({
  persona: p,
  behind,
  responsesBase,
}: {
  persona: PersonaRecord;
  behind: Loaded<ClaimAnswers>;
  responsesBase: string;
}) {
  return (
    <section className="panel" aria-labelledby="members-title">
      <h2 id="members-title">The responses behind it</h2>
      <p>
        {p.persona.memberIds.length} member responses, {p.persona.ambiguousMemberIds.length} of them
        ambiguous (almost as close to another persona). Representative members first.
      </p>
      {behind.ok ? (
        <ClaimAnswersTable
          answers={behind.value}
          caption={`Members of ${p.name} and their answers to the questions its traits rest on`}
          responseHref={(id) => `${responsesBase}/${id}`}
        />
      ) : (
        <FormAlert message={behind.message} />
      )}
    </section>
  );
}
