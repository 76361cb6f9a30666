/**
 * Tiny SVG helpers: escaping and number rounding, so charts are plain, self-contained text.
 */

/** Escapes text for HTML/SVG content and attribute values. */
export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A coordinate rounded to 0.1 px (keeps big plans small). */
export function px(v: number): string {
  return String(Math.round(v * 10) / 10);
}
