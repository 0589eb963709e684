// What someone sees, with HTTP 404, when a share page finds nothing to show after the gate in
// proxy.ts let the link through (e.g. a persona number the set does not have, or a link switched
// off in the moment between the gate and the page). Dead links are answered by the gate itself.
import { refusedShareBody, refusedShareTitle } from "./refused-copy";

export default function ShareNotFound() {
  return (
    <section className="empty-state" aria-labelledby="refused-title">
      <h1 id="refused-title">{refusedShareTitle}</h1>
      <p>{refusedShareBody}</p>
    </section>
  );
}
