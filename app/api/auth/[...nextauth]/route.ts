// next-auth's endpoints (sign in, sign out, session, CSRF): transport only.
import NextAuth from "next-auth";
import { getAuthOptions } from "~/server/features/accounts/options";

export const dynamic = "force-dynamic";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

// Options are built per request (lazily, once) so `next build` never reads the secret file.
const handler = (req: Request, context: RouteContext): Promise<Response> =>
  (NextAuth(getAuthOptions()) as (r: Request, c: RouteContext) => Promise<Response>)(req, context);

export { handler as GET, handler as POST };
