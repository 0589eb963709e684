// The page for unknown addresses and for workspaces the visitor does not belong to.
import Link from "next/link";

export default function NotFound() {
  return (
    <main id="main" className="auth-page">
      <div className="auth-card">
        <h1>Page not found</h1>
        <p className="muted">
          This page does not exist, or it belongs to a workspace you are not a member of.
        </p>
        <Link className="button secondary" href="/">
          Go to your workspaces
        </Link>
      </div>
    </main>
  );
}
