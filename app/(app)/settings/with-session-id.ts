import "server-only";
import { getCurrentSessionId } from "@/lib/auth/current-user";
import type { FormState } from "@/lib/validation/form-state";

/**
 * A form action whose use case keeps this browser's session signed in: the session id comes from the
 * request's own cookie, and replaces whatever `sessionId` the form may have sent.
 */
export function withSessionId<S extends FormState>(action: (previous: S, formData: FormData) => Promise<S>) {
  return async (previous: S, formData: FormData): Promise<S> => {
    const sessionId = await getCurrentSessionId();
    if (sessionId) formData.set("sessionId", sessionId);
    else formData.delete("sessionId");
    return action(previous, formData);
  };
}
