// Public respondent endpoint: transport only, see server/http/public-submit.ts for the contract.
import { getDb } from "~/server/db";
import { handlePublicSubmit } from "~/server/http/public-submit";

export const dynamic = "force-dynamic";

export async function POST(request: Request, context: { params: Promise<{ slug: string }> }) {
  const { slug } = await context.params;
  return handlePublicSubmit(getDb(), request, { slug });
}
