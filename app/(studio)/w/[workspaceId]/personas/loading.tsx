// Shown while a personas page is being prepared on the server.
export default function Loading() {
  return (
    <p className="muted" role="status">
      <span className="spinner" aria-hidden="true" /> Loading personas…
    </p>
  );
}
