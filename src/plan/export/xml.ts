/** Escapes text for an XML attribute or text node. */
export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/**
 * A number as plain decimal text, never in exponent form: `String(5e-7)` is "5e-7", which
 * xs:decimal (ISOXML coordinates, ISO 11783-10) refuses and KML readers need not accept. A field
 * on the equator or the prime meridian has coordinates that small.
 */
export function decimalText(v: number): string {
  const s = String(v);
  if (!/e/i.test(s) || !Number.isFinite(v)) return s;
  // exponent form only below 1e-6 or from 1e21: 20 fixed decimals are exact enough for the first
  return Math.abs(v) < 1 ? v.toFixed(20).replace(/0+$/, '').replace(/\.$/, '') : BigInt(Math.round(v)).toString();
}

/** `name="value"` pairs for an element, skipping undefined values, values escaped, numbers as plain decimals. */
export function xmlAttrs(attrs: Record<string, string | number | undefined>): string {
  return Object.entries(attrs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXml(typeof v === 'number' ? decimalText(v) : String(v))}"`)
    .join('');
}
