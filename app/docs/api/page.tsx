// The REST API's readable reference: rendered on the server from the generated OpenAPI document
// (no scripts, no CDN assets: the Content-Security-Policy allows neither, and none are needed).
import type { Metadata } from "next";
import Link from "next/link";
import { Brand } from "~/app/_components/brand";
import {
  describeOperations,
  type DocField,
  type DocOperation,
} from "~/server/http/v1/openapi-docs";
import { openApiDocument } from "~/server/http/v1/openapi";
import "./api-docs.css";

export const metadata: Metadata = { title: "API reference" };
export const dynamic = "force-static";

/** A code block; focusable and labelled because it scrolls sideways on narrow screens. */
function Code({ label, children }: { label: string; children: string }) {
  return (
    <pre className="api-code" tabIndex={0} role="region" aria-label={label}>
      <code>{children}</code>
    </pre>
  );
}

/** The document's prose marks code with backticks (as Markdown does); shown as <code>. */
function Prose({ text }: { text: string }) {
  return (
    <>{text.split("`").map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part))}</>
  );
}

function FieldTable({
  caption,
  fields,
  showIn,
}: {
  caption: string;
  fields: (DocField & { in?: string })[];
  showIn?: boolean;
}) {
  return (
    <div className="api-table-scroll">
      <table className="table api-fields">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            {showIn && <th scope="col">In</th>}
            <th scope="col">Type</th>
            <th scope="col">Required</th>
            <th scope="col">Description</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((f) => (
            <tr key={f.name}>
              <td>
                <code>{f.name}</code>
              </td>
              {showIn && <td>{f.in}</td>}
              <td>
                <code>{f.type}</code>
              </td>
              <td>{f.required ? "yes" : "no"}</td>
              <td>
                <Prose text={f.description} />
                {f.defaultValue !== undefined && (
                  <>
                    {f.description ? " " : ""}Default: <code>{f.defaultValue}</code>.
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Operation({ op }: { op: DocOperation }) {
  const headingId = `${op.id}-title`;
  return (
    <section className="panel api-operation" id={op.id} aria-labelledby={headingId}>
      <h3 id={headingId}>
        <span className={`api-method api-method-${op.method.toLowerCase()}`}>{op.method}</span>{" "}
        <code className="api-path">{op.path}</code>
      </h3>
      <p>
        <strong>{op.summary}.</strong> <Prose text={op.description} />
      </p>
      <p className="muted">
        Authentication:{" "}
        {op.auth === "API key"
          ? "API key (Authorization: Bearer pa_…)"
          : op.auth === "Session cookie"
            ? "the browser session of a signed-in member"
            : "none"}
        .
      </p>
      {op.parameters.length > 0 && (
        <FieldTable caption="Parameters" fields={op.parameters} showIn />
      )}
      {op.body && (
        <>
          <FieldTable caption={`Request body (${op.body.contentType})`} fields={op.body.fields} />
          {op.body.example && (
            <>
              <h4>Example body</h4>
              <Code label={`Example body of ${op.method} ${op.path}`}>{op.body.example}</Code>
            </>
          )}
        </>
      )}
      <h4>Responses</h4>
      <dl className="api-responses">
        {op.responses.map((r) => (
          <div key={r.status}>
            <dt>
              <span className={`api-status api-status-${r.status[0]}`}>{r.status}</span>
              {r.contentTypes.length > 0 && (
                <span className="muted"> {r.contentTypes.join(", ")}</span>
              )}
            </dt>
            <dd>
              <Prose text={r.description} />
              {r.example && r.status.startsWith("2") && (
                <Code label={`Example ${r.status} response of ${op.method} ${op.path}`}>
                  {r.example}
                </Code>
              )}
            </dd>
          </div>
        ))}
      </dl>
      <h4>Example request</h4>
      <Code label={`Example request: ${op.method} ${op.path}`}>{op.curl}</Code>
    </section>
  );
}

export default function ApiDocsPage() {
  const document = openApiDocument();
  const sections = describeOperations(document);
  return (
    <>
      <header className="topbar">
        <Brand />
      </header>
      <main id="main" className="content api-docs">
        <div className="page-header">
          <div>
            <h1>{document.info.title}</h1>
            <p>
              Version {document.info.version} · REST, JSON · generated from the server&apos;s own
              schemas
            </p>
          </div>
          <a className="button secondary" href="/api/v1/openapi.json">
            OpenAPI document (JSON)
          </a>
        </div>
        <section className="panel" aria-labelledby="start-title">
          <h2 id="start-title">Getting started</h2>
          <p>
            <Prose text={document.info.description ?? ""} />
          </p>
          <ol>
            <li>
              As a workspace owner, open <strong>Settings · API keys</strong> in the studio and
              create a key. It is shown once; store it like a password.
            </li>
            <li>
              Set two shell variables and try a request:
              <Code label="First request">
                {`export PERSONA_ATLAS_URL=http://localhost:3000\nexport PERSONA_ATLAS_KEY=pa_…\ncurl "$PERSONA_ATLAS_URL/api/v1/surveys" -H "Authorization: Bearer $PERSONA_ATLAS_KEY"`}
              </Code>
            </li>
          </ol>
          <nav aria-label="Operations">
            <ul className="api-toc">
              {sections.map((section) => (
                <li key={section.tag}>
                  {section.tag}
                  <ul>
                    {section.operations.map((op) => (
                      <li key={op.id}>
                        <a href={`#${op.id}`}>
                          <span className="api-method-text">{op.method}</span> {op.path}
                        </a>
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          </nav>
        </section>
        {sections.map((section) => (
          <section key={section.tag} aria-labelledby={`tag-${section.tag}`}>
            <h2 id={`tag-${section.tag}`} className="api-tag">
              {section.tag}
            </h2>
            {section.description && <p className="muted">{section.description}</p>}
            {section.operations.map((op) => (
              <Operation key={op.id} op={op} />
            ))}
          </section>
        ))}
        <p className="muted">
          <Link href="/">Back to the studio</Link>
        </p>
      </main>
    </>
  );
}
