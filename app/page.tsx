import { redirect } from "next/navigation";
import { pageData } from "@/lib/adapters/page";
import { homeTarget } from "@/lib/use-cases/dashboards/home-target";

/** Home: a user bound to one province lands on it; national users on the national overview. */
export default async function HomePage() {
  const { href } = await pageData("/", homeTarget, {});
  redirect(href);
}
