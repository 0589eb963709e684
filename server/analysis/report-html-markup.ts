// Safe HTML for the report: escapeHtml for every piece of text that came from the data, and an
// html tagged template that escapes what it interpolates unless it is already markup (raw).
const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Escapes text for HTML content and quoted attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}

/** Tagged template: interpolated values are escaped unless wrapped in raw(). */
export class Raw {
  constructor(readonly html: string) {}
}
export function raw(html: string): Raw {
  return new Raw(html);
}
export function html(strings: TemplateStringsArray, ...values: unknown[]): Raw {
  let out = strings[0] ?? "";
  values.forEach((v, i) => {
    const parts = Array.isArray(v) ? v : [v];
    for (const part of parts) {
      out += part instanceof Raw ? part.html : escapeHtml(part ?? "");
    }
    out += strings[i + 1] ?? "";
  });
  return new Raw(out);
}
