"use client";

import { ErrorPanel } from "@/components/error-panel";
import { bandSentence, calibrationSentence, usePrediction } from "@/lib/client/findings/prediction";

/** What the detection predicted for this app, and how often reality fell outside it. */
export function PredictionPanel({ appId }: { appId: string }) {
  const p = usePrediction(appId);
  return (
    <section className="card" aria-labelledby="prediction-heading">
      <h2 id="prediction-heading">What the detection predicted</h2>
      {p.isPending ? (
        <p className="muted" aria-busy="true">Loading the prediction…</p>
      ) : p.isError ? (
        <ErrorPanel title="The prediction could not be loaded" error={p.error} onRetry={() => void p.refetch()} />
      ) : p.data.evaluatedAt === null ? (
        <p className="muted">The detection has not evaluated {appId} yet.</p>
      ) : (
        <div role="status" aria-label={`Prediction for ${appId}`}>
          <p>{bandSentence(p.data) ?? "No prediction yet."}</p>
          <p className="muted">{calibrationSentence(p.data)}</p>
        </div>
      )}
    </section>
  );
}
