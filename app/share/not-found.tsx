// What someone with a share link that does not work sees, with HTTP 404: an unknown or mistyped
// link, one the team switched off, or a set that is being revised. The page cannot tell which
// (Next's not-found page gets no parameters), so it names the reasons politely, and nothing else.
export default function ShareNotFound() {
  return (
    <section className="empty-state" aria-labelledby="refused-title">
      <h1 id="refused-title">This link does not work</h1>
      <p>
        The link may be incomplete, the team that shared it may have switched it off, or the persona
        set may be being revised. Check that you copied all of it, or ask the person who sent it for
        a new one.
      </p>
    </section>
  );
}
