import "server-only";
import { problemOf } from "@/lib/adapters/api";
import { apiJson } from "@/lib/adapters/api";
import type { Call } from "@/lib/use-cases/define";
import { centreDetail } from "@/lib/use-cases/centres/centre-api";

/** After a write: the centre as the read route shows it now (id, version, completion, flags), read as the writer. */
export async function centreWritten(call: Call, id: string, status: 200 | 201): Promise<Response> {
  const outcome = await centreDetail.execute({ ...call, method: "GET" }, { id });
  return outcome.ok ? apiJson(outcome.value, status) : problemOf(outcome.refusal);
}
