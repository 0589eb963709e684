// The slide a presentation opens at, from its ?i=… query parameter: a whole number, kept inside
// the deck; anything else opens the first slide.
export function startSlide(param: string | string[] | undefined, slideCount: number): number {
  const asked = typeof param === "string" && /^\d+$/.test(param) ? Number(param) : 0;
  return Math.min(asked, Math.max(0, slideCount - 1));
}
