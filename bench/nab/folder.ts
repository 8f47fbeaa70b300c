// Where the NAB data is: --data DIR and --windows FILE, else a NAB folder (data/, labels/) given
// by --nab DIR or $NAB_DIR, else ../shared/nab beside the project (the layout of the team machine).
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { argString } from "../args";

export function nabPaths(): { data: string; windows: string } {
  const root = argString("nab", process.env.NAB_DIR) ?? resolve(import.meta.dirname, "../../../shared/nab");
  const data = argString("data", join(root, "data")) as string;
  const windows = argString("windows", join(root, "labels/combined_windows.json")) as string;
  if (!existsSync(data) || !existsSync(windows)) {
    console.error(`NAB data not found (data ${data}, windows ${windows}): pass --data DIR --windows FILE, or --nab DIR / NAB_DIR`);
    process.exit(2);
  }
  return { data, windows };
}
