// An empty section: what it will hold and what to do next.
import type { ReactNode } from "react";

export function EmptyState({
  title,
  children,
  steps,
}: {
  title: string;
  children: ReactNode;
  steps?: string[];
}) {
  return (
    <section className="empty-state" aria-labelledby="empty-title">
      <h2 id="empty-title">{title}</h2>
      <p>{children}</p>
      {steps && (
        <ol>
          {steps.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
      )}
    </section>
  );
}
