import { apiCommand, apiQuery } from "@/lib/adapters/api";
import { CREATE_CENTRE_KEYS } from "@/lib/api/bodies";
import { problem } from "@/lib/api/problem";
import { centreList } from "@/lib/use-cases/centres/centre-api";
import { createCentre } from "@/lib/use-cases/centres/create-centre";
import { centreWritten } from "@/app/_lib/api-centre";

export const dynamic = "force-dynamic";

const list = apiQuery("/api/v1/centres", centreList, { body: (page) => page });

/**
 * The centres in the caller's scope, filtered and paged. Every role lists its own scope, so the only
 * 403 is the query's refusal of a `province` filter outside it, which says which province it refused.
 */
export async function GET(request: Request, context: { params: Promise<Record<string, string>> }): Promise<Response> {
  const response = await list(request, context);
  const province = new URL(request.url).searchParams.get("province");
  return response.status === 403 && province ? problem(403, `You may not read province ${province}.`) : response;
}

/**
 * Registers a centre (staff of its province, admins) with the centre form's schema and rules, and its
 * milestones with the milestone form's, all in one transaction. 201 with the centre as GET shows it.
 */
export const POST = apiCommand("/api/v1/centres", createCentre, {
  keys: CREATE_CENTRE_KEYS,
  input: (_params, body) => body,
  answer: ({ id }, _params, call) => centreWritten(call, id, 201),
});
