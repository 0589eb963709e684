// What is being dragged in the grid (native HTML5 drag and drop) and a helper that moves keyboard
// focus back to a control after the grid re-rendered around it (a moved column or card is
// re-inserted into the page, which drops focus).
export type Dragging = { kind: "stage"; id: string } | { kind: "touchpoint"; id: string } | null;

export function refocus(id: string, fallbackId?: string): void {
  requestAnimationFrame(() => {
    const target = document.getElementById(id) as HTMLButtonElement | null;
    if (target && !target.disabled) {
      target.focus();
      return;
    }
    if (fallbackId) document.getElementById(fallbackId)?.focus();
  });
}
