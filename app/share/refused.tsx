// What someone with a share link that no longer works sees: the reason, politely, and nothing else.
export function ShareRefused({ message }: { message: string }) {
  return (
    <section className="empty-state" aria-labelledby="refused-title">
      <h1 id="refused-title">This link does not work</h1>
      <p>{message}</p>
    </section>
  );
}
