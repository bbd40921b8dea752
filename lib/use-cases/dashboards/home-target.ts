import "server-only";
import { z } from "zod";
import { readableScope, type Actor } from "@/lib/domain/permissions";
import { defineQuery } from "../define";

/** A user bound to one province lands on its page; national users on the national overview; nobody's scope, the province list. */
export function homeHref(actor: Actor): string {
  const scope = readableScope(actor);
  return scope === "all" ? "/overview" : scope === "none" ? "/provinces" : `/provinces/${scope}`;
}

/** Where home sends the reader. */
export const homeTarget = defineQuery({
  name: "dashboards.home",
  input: z.object({}),
  load: () => ({}),
  province: () => null,
  run: ({ actor }) => ({ href: homeHref(actor) }),
});
