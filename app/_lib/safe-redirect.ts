// Only same-site paths are followed after sign-in, so a link cannot bounce users elsewhere.
// Browsers are forgiving about URLs: they drop tabs and newlines anywhere, trim leading control
// characters and spaces, and read "\" as "/". "/\t/evil.test" therefore reaches evil.test. So the
// check runs on the value as a browser would read it, once more on its percent-decoded form (in
// case something downstream decodes it again), and the answer is the path the URL parser
// produced, percent-encoded, so it is always a valid header value (CR, LF or U+3000 cannot make
// the redirect throw).

const sentinelOrigin = "http://same-origin.invalid";
const maxLength = 2048;

/** The value as the WHATWG URL parser sees it before parsing: trimmed, no tabs or newlines. */
function asBrowserReadsIt(value: string): string {
  return (
    value
      // eslint-disable-next-line no-control-regex -- C0 controls are exactly what browsers trim
      .replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, "")
      .replace(/[\t\n\r]/g, "")
      .replace(/\\/g, "/")
  );
}

const isLocalPath = (value: string): boolean => value.startsWith("/") && !value.startsWith("//");

function decodedOnce(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

export function safeCallbackPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || value.length > maxLength) return fallback;
  const normalised = asBrowserReadsIt(value);
  const decoded = decodedOnce(normalised);
  if (!isLocalPath(normalised) || decoded === undefined || !isLocalPath(asBrowserReadsIt(decoded)))
    return fallback;
  let url: URL;
  try {
    url = new URL(normalised, `${sentinelOrigin}/`);
  } catch {
    return fallback;
  }
  if (url.origin !== sentinelOrigin) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return isLocalPath(path) ? path : fallback;
}
