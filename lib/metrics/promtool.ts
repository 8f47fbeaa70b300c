import { spawnSync } from "node:child_process";

// Test and tooling helper: runs Debian's promtool (apt-get install -y prometheus).
export const PROMTOOL = process.env.PROMTOOL ?? "/usr/bin/promtool";

export function promtool(args: string[], input?: string): { status: number | null; output: string } {
  const r = spawnSync(PROMTOOL, args, { input, encoding: "utf8", timeout: 30_000 });
  if (r.error) throw new Error(`cannot run ${PROMTOOL} (apt-get install -y prometheus): ${r.error.message}`);
  return { status: r.status, output: `${r.stdout}${r.stderr}`.trim() };
}

/** The metric families of an exposition whose names start with `prefix`, in the same format. */
export function familiesWithPrefix(exposition: string, prefix: string): string {
  const keep: string[] = [];
  let family = "";
  for (const line of exposition.split("\n")) {
    const m = /^# (?:HELP|TYPE) (\S+)/.exec(line);
    if (m) family = m[1] as string;
    if (line !== "" && family.startsWith(prefix)) keep.push(line);
  }
  return `${keep.join("\n")}\n`;
}
