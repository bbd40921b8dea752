// The update rules live with the save and submit use cases; the spreadsheet import still checks its rows
// through this name until it moves onto the use-case layer itself.
export { checkUpdateAgainst } from "@/lib/use-cases/updates/update-checks";
