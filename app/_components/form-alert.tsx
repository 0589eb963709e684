// A form-level message announced to screen readers when it appears.
export function FormAlert({
  message,
  kind = "error",
}: {
  message?: string;
  kind?: "error" | "success";
}) {
  if (!message) return null;
  return (
    <div className={`alert ${kind}`} role={kind === "error" ? "alert" : "status"}>
      {message}
    </div>
  );
}
