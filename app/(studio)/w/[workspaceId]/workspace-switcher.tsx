// Switch between the caller's workspaces, or start a new one.
"use client";
import { useRouter } from "next/navigation";

const newWorkspace = "__new__";

export function WorkspaceSwitcher({
  currentId,
  workspaces,
}: {
  currentId: string;
  workspaces: { id: string; name: string }[];
}) {
  const router = useRouter();
  return (
    <div className="field" style={{ padding: "0 0.75rem" }}>
      <label htmlFor="workspace-switcher" className="label">
        Workspace
      </label>
      <select
        id="workspace-switcher"
        value={currentId}
        onChange={(event) => {
          const next = event.target.value;
          router.push(next === newWorkspace ? "/workspaces/new" : `/w/${next}`);
        }}
      >
        {workspaces.map((w) => (
          <option key={w.id} value={w.id}>
            {w.name}
          </option>
        ))}
        <option value={newWorkspace}>+ New workspace…</option>
      </select>
    </div>
  );
}
