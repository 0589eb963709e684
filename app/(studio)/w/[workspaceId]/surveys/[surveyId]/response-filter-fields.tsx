"use client";
// The version and status filters shared by the responses table and the results summary: the same
// labels and options in both places, each view keeping its own filter state.
export type ResponseStatusFilter = "COMPLETE" | "PARTIAL";

export function VersionFilterField({
  id,
  versions,
  value,
  onChange,
}: {
  id: string;
  versions: readonly number[];
  value: number | undefined;
  onChange: (version: number | undefined) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>Version</label>
      <select
        id={id}
        value={value ?? ""}
        onChange={(e) => onChange(Number(e.target.value) || undefined)}
      >
        <option value="">All versions</option>
        {versions.map((v) => (
          <option key={v} value={v}>
            Version {v}
          </option>
        ))}
      </select>
    </div>
  );
}

export function StatusFilterField({
  id,
  value,
  onChange,
}: {
  id: string;
  value: ResponseStatusFilter | undefined;
  onChange: (status: ResponseStatusFilter | undefined) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>Status</label>
      <select
        id={id}
        value={value ?? ""}
        onChange={(e) => onChange((e.target.value || undefined) as ResponseStatusFilter)}
      >
        <option value="">Complete and partial</option>
        <option value="COMPLETE">Complete</option>
        <option value="PARTIAL">Partial (not finished)</option>
      </select>
    </div>
  );
}
