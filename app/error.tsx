// Unexpected failures: a plain message, never a stack trace.
"use client";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <main id="main" className="auth-page">
      <div className="auth-card">
        <h1>Something went wrong</h1>
        <p className="muted">
          We could not show this page. Nothing you entered was lost on our side; please try again.
        </p>
        <button className="button" type="button" onClick={reset}>
          Try again
        </button>
      </div>
    </main>
  );
}
