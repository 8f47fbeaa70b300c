"use client";

import { useState, type ChangeEvent, type FormEvent } from "react";
import { Field } from "@/components/field";
import { FormError } from "@/components/form-error";
import { useToast } from "@/components/toast";
import type { ImportResult } from "@/lib/import/run";
import { MAX_IMPORT_BYTES } from "@/lib/import/types";
import { useImport } from "@/lib/client/use-import";
import { ImportPreview } from "./import-preview";

/** Paste or upload a file, preview what it changes, then apply it. */
export function ImportForm() {
  const run = useImport();
  const toast = useToast();
  const [content, setContent] = useState("");
  // the preview belongs to the text it was made from: editing the text asks for a new one
  const [preview, setPreview] = useState<{ content: string; result: ImportResult } | null>(null);
  const current = preview && preview.content === content ? preview.result : null;
  const canApply = current !== null && current.errors.length === 0 && current.changes.length > 0;

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) return toast.error(`${file.name} is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MiB`);
    setContent(await file.text());
  }

  function onPreview(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    run.mutate({ content, dryRun: true }, { onSuccess: (result) => setPreview({ content, result }) });
  }

  function onApply() {
    run.mutate(
      { content, dryRun: false },
      {
        onSuccess: (result) => {
          toast.success(`Import applied: ${result.applied} change${result.applied === 1 ? "" : "s"}`);
          setPreview({ content, result: { ...result, changes: [] } });
        },
      },
    );
  }

  return (
    <section className="card" aria-labelledby="import-heading">
      <h2 id="import-heading">Import</h2>
      <form className="stack" onSubmit={onPreview} aria-label="Import ownership">
        <Field label="Upload a file" hint="CSV or YAML, at most 2 MiB.">
          <input type="file" accept=".csv,.yaml,.yml,text/csv,application/yaml,text/yaml" onChange={(e) => void onFile(e)} />
        </Field>
        <Field label="File contents" hint="Or paste it here.">
          <textarea name="content" rows={10} spellCheck={false} className="mono" value={content} onChange={(e) => setContent(e.target.value)} />
        </Field>
        <div className="button-row">
          <button type="submit" className="button button-secondary" disabled={run.isPending || content.trim() === ""}>
            Preview
          </button>
          <button type="button" className="button" disabled={run.isPending || !canApply} onClick={onApply}>
            Apply import
          </button>
        </div>
      </form>
      <FormError error={run.error} />
      {current ? <ImportPreview result={current} /> : null}
    </section>
  );
}
