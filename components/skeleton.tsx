/** Placeholder shapes while data loads; one label for assistive tech, shapes hidden from it. */
export function TableSkeleton({ rows = 6, columns = 5, label = "Loading" }: { rows?: number; columns?: number; label?: string }) {
  return (
    <div className="skeleton-table" aria-busy="true" aria-label={label} role="progressbar">
      {Array.from({ length: rows }, (_, r) => (
        <div className="skeleton-row" key={r} aria-hidden="true">
          {Array.from({ length: columns }, (_, c) => (
            <span className="skeleton" key={c} />
          ))}
        </div>
      ))}
    </div>
  );
}

export function PageSkeleton({ label = "Loading page" }: { label?: string }) {
  return (
    <div className="stack" aria-busy="true" role="progressbar" aria-label={label}>
      <span className="skeleton skeleton-title" aria-hidden="true" />
      <span className="skeleton skeleton-text" aria-hidden="true" />
      <TableSkeleton label="Loading content" />
    </div>
  );
}
