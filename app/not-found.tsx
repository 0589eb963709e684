// The page for unknown addresses and for workspaces the visitor does not belong to.
// A plain link, not next/link: the root not-found page sits in the root layout's tree, so a
// client component here would ship with every page, the public survey page included.

export default function NotFound() {
  return (
    <main id="main" className="auth-page">
      <div className="auth-card">
        <h1>Page not found</h1>
        <p className="muted">
          This page does not exist, or it belongs to a workspace you are not a member of.
        </p>
        <a className="button secondary" href="/">
          Go to your workspaces
        </a>
      </div>
    </main>
  );
}
