// A short-lived session cookie for the renderer. A PDF or PNG is rendered by a worker, away from
// the request that asked for it, from the app's print page; the page checks access itself, so
// the renderer must arrive as the person who asked. Rather than keeping anyone's cookie in the
// database, the worker signs a fresh session for that person, valid for a few minutes and
// carrying the session version recorded when they asked: if they signed out (or were removed)
// since, the page treats it as signed out. It is only ever handed to our own Chromium.
import { encode } from "next-auth/jwt";
import { getAuthSecret } from "./secret";

/** Long enough for one render (page load, charts, print), short enough to be worthless after. */
const RENDER_SESSION_SECONDS = 5 * 60;

export interface RenderSessionUser {
  id: string;
  email: string;
  name: string;
  sessionVersion: number;
}

/** The Cookie header value the print page reads as this person's session. */
export async function renderSessionCookie(
  user: RenderSessionUser,
  secret: string = getAuthSecret(),
): Promise<string> {
  const token = await encode({
    secret,
    maxAge: RENDER_SESSION_SECONDS,
    token: {
      sub: user.id,
      email: user.email,
      name: user.name,
      sessionVersion: user.sessionVersion,
    },
  });
  // next-auth names the cookie by whether the site runs on https; send both names, it reads one.
  return `next-auth.session-token=${token}; __Secure-next-auth.session-token=${token}`;
}
