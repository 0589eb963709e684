// Public respondent endpoint: transport only, see server/http/public-submit.ts for the contract.
import { publicSubmitRoute } from "~/server/http/bound-routes";

export const dynamic = "force-dynamic";

export async function POST(request: Request, context: { params: Promise<{ slug: string }> }) {
  return publicSubmitRoute(request, await context.params);
}
