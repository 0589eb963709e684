// Runs before every page and route: gives the request a fresh CSP nonce. Next reads the policy
// from the request header and stamps the nonce on the inline scripts it renders; the browser
// gets the same policy on the response (server/http/content-security.ts). The public survey page
// is a route handler (app/s/[slug]/route.ts) and stamps the nonce from x-nonce on its own tags.
// It is also the gate of the share pages: a share link that opens nothing is answered here, with
// a 404 decided before Next renders (app/share/refused-link-page.ts says why).
import { NextResponse, type NextRequest } from "next/server";
import { refusedSharePage, shareTokenOf } from "~/app/share/refused-link-page";
import { contentSecurityPolicy, newNonce } from "~/server/http/content-security";
import { shareLinkRefusalRoute } from "~/server/http/bound-routes";

export async function proxy(request: NextRequest) {
  const nonce = newNonce();
  const policy = contentSecurityPolicy(nonce, process.env.NODE_ENV !== "production");
  const shareToken = shareTokenOf(request.nextUrl.pathname);
  if (shareToken !== null && (await shareLinkRefusalRoute(shareToken)) !== null) {
    return refusedSharePage(nonce, policy);
  }
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  // Static build files carry no HTML and need no nonce.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
