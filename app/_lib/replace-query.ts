// Writes a view's filters into the address bar without navigating, so a reload or a shared link
// opens the same view; an empty query leaves the bare path rather than a dangling "?".
export function replaceQuery(params: URLSearchParams): void {
  const search = params.toString();
  window.history.replaceState(null, "", `${window.location.pathname}${search ? `?${search}` : ""}`);
}
