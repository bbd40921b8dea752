import { apiCommand, apiQuery } from "@/lib/adapters/api";
import { CREATE_CENTRE_KEYS } from "@/lib/api/bodies";
import { centreList } from "@/lib/use-cases/centres/centre-api";
import { createCentre } from "@/lib/use-cases/centres/create-centre";
import { centreWritten } from "@/app/_lib/api-centre";

export const dynamic = "force-dynamic";

/** The centres in the caller's scope, filtered and paged; a `province` filter outside it is not found. */
export const GET = apiQuery("/api/v1/centres", centreList, { body: (page) => page });

/**
 * Registers a centre (staff of its province, admins) with the centre form's schema and rules, and its
 * milestones with the milestone form's, all in one transaction. 201 with the centre as GET shows it.
 */
export const POST = apiCommand("/api/v1/centres", createCentre, {
  keys: CREATE_CENTRE_KEYS,
  input: (_params, body) => body,
  answer: ({ id }, _params, call) => centreWritten(call, id, 201),
});
