// Server modules start with `import "server-only"`, which only resolves under the react-server
// condition (as in `npm start`). A bench started through plain tsx calls this first: it re-runs
// its own file under that condition (and the given extra environment) and exits with its status.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export function rerunUnderReactServer(selfUrl: string, env: Record<string, string> = {}): void {
  if (process.env.BENCH_REACT_SERVER_CHILD) return;
  const r = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", fileURLToPath(selfUrl), ...process.argv.slice(2)], {
    stdio: "inherit",
    env: { ...process.env, ...env, BENCH_REACT_SERVER_CHILD: "1" },
  });
  process.exit(r.status ?? 1);
}
