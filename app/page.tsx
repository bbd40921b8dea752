import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/current-user";
import { readableScope } from "@/lib/domain/permissions";

/** Home: a user bound to one province lands on it; national users on the national overview. */
export default async function HomePage() {
  const user = await requireUser();
  const scope = readableScope(user);
  redirect(scope === "all" ? "/overview" : scope === "none" ? "/provinces" : `/provinces/${scope}`);
}
