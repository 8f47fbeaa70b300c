// Ingest throughput of POST /api/traffic into SQLite: 1,000,000 samples for 100 apps pushed
// through the real route handler (validation, app lookup, batched upserts) in 50,000-sample
// requests, versus writing the same rows straight through writeSamples (no HTTP, no validation).
// Run: npm run bench:ingest
import { scratchDatabase } from "./scratch";

process.env.SCHEDULER_ENABLED = "false";

await scratchDatabase("ingest");
const { db } = await import("@/lib/db/client");
const { POST } = await import("@/app/api/traffic/route");
const { writeSamples } = await import("@/lib/traffic/write");
const { createToken } = await import("@/lib/tokens/tokens");

const APPS = 100;
const PER_APP = 10_000;
const BATCH = 50_000;
const team = await db().team.create({ data: { slug: "bench", name: "bench" } });
const user = await db().user.create({ data: { email: "bench@bench.local", name: "bench", role: "admin", passwordHash: "x" } });
const apps: { id: string }[] = [];
for (let i = 0; i < APPS; i++) apps.push(await db().app.create({ data: { appId: `bench-${i}`, name: `bench ${i}`, teamId: team.id } }));
// an ingest token, as a collector would use (admin: every app)
const { token } = await createToken(user, { name: "bench", scopes: ["ingest"] });
const t0 = Date.UTC(2026, 0, 1);

const samples = [];
for (let k = 0; k < PER_APP; k++) for (let i = 0; i < APPS; i++) samples.push({ appId: `bench-${i}`, ts: t0 + k * 60_000, value: 100 + (k % 50) });

let started = performance.now();
for (let i = 0; i < samples.length; i += BATCH) {
  const req = new Request("http://127.0.0.1/api/traffic", {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ samples: samples.slice(i, i + BATCH) }),
  });
  const res = await POST(req, { params: Promise.resolve({}) });
  if (res.status !== 202) throw new Error(`push failed: ${res.status} ${await res.text()}`);
}
const viaApi = performance.now() - started;

const rows = samples.map((s, i) => ({ appRef: apps[i % APPS]!.id, ts: s.ts + PER_APP * 60_000, value: s.value }));
started = performance.now();
for (let i = 0; i < rows.length; i += BATCH) await writeSamples(rows.slice(i, i + BATCH));
const direct = performance.now() - started;

const stored = await db().trafficSample.count();
const rate = (ms: number) => Math.round(samples.length / (ms / 1000));
console.log(`samples per run: ${samples.length.toLocaleString("en-US")} (${APPS} apps, ${BATCH.toLocaleString("en-US")} per request); stored ${stored.toLocaleString("en-US")}`);
console.log(`POST /api/traffic (route handler): ${rate(viaApi).toLocaleString("en-US")} samples/s (${(viaApi / 1000).toFixed(2)} s)`);
console.log(`writeSamples only (no HTTP/validation): ${rate(direct).toLocaleString("en-US")} samples/s (${(direct / 1000).toFixed(2)} s)`);
console.log(`ratio route/direct time: ${(viaApi / direct).toFixed(2)}x`);
process.exit(0);
