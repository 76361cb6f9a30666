/**
 * The passes across a band of parallel swaths, and the narrowed last pass of an implement whose
 * sections switch off one by one (a transplanter's row clutches): full-width passes side by side
 * from one edge of the band, then a last pass of only the rows the leftover needs.
 */

/** One pass across a band: its line and the strip of the band it is responsible for. */
export interface BandPass {
  /** Height of the pass's centre line above the band's lower edge, m. */
  offsetM: number;
  /** Working width of the pass, m (narrower than the implement on a narrowed last pass). */
  widthM: number;
  /** The strip it works, [lo, hi] above the band's lower edge, m (lo of the first is 0, hi of the last the band's height). */
  loM: number;
  hiM: number;
}

/** How many swaths cover a band of height `heightM`: ceil(height / width), at least one. */
export function swathCount(heightM: number, widthM: number): number {
  return Math.max(1, Math.ceil(heightM / widthM - 1e-9));
}

/**
 * Rows (sections) of `sectionWidthM` the last pass needs to cover `leftoverM`: the leftover
 * rounded up to whole rows, at least one and at most the whole implement.
 */
export function rowsNeeded(leftoverM: number, widthM: number, sectionWidthM: number): number {
  const rows = Math.round(widthM / sectionWidthM);
  return Math.min(rows, Math.max(1, Math.ceil(leftoverM / sectionWidthM - 1e-9)));
}

/**
 * Passes over a band of height `heightM` with an implement `widthM` wide. Without sections the
 * fewest passes that fit, the first and last half a width inside the band and the leftover
 * spread evenly between them (every neighbouring pair overlaps by the same share). With
 * sections of `sectionWidthM` the passes lie side by side one width apart from the lower edge,
 * and the last works only the rows the leftover needs ({@link rowsNeeded}), its edge on the
 * band's upper edge: two passes overlap by less than one row, once per band.
 *
 * @example bandPasses(5, 1.8, 0.3): two full passes at 0.9 and 2.7 m, and a 5-row pass (1.5 m) at 4.25 m
 */
export function bandPasses(heightM: number, widthM: number, sectionWidthM?: number): BandPass[] {
  const n = swathCount(heightM, widthM);
  if (sectionWidthM && sectionWidthM > 0 && sectionWidthM < widthM) return narrowedPasses(heightM, widthM, sectionWidthM, n);
  if (n === 1) return [{ offsetM: heightM / 2, widthM, loM: 0, hiM: heightM }];
  const spacing = (heightM - widthM) / (n - 1);
  return Array.from({ length: n }, (_, j) => {
    const offsetM = widthM / 2 + j * spacing;
    return { offsetM, widthM, loM: j === 0 ? 0 : offsetM - spacing / 2, hiM: j === n - 1 ? heightM : offsetM + spacing / 2 };
  });
}

function narrowedPasses(heightM: number, widthM: number, sectionWidthM: number, n: number): BandPass[] {
  const lastW = rowsNeeded(heightM - (n - 1) * widthM, widthM, sectionWidthM) * sectionWidthM;
  if (n === 1) return [{ offsetM: heightM / 2, widthM: lastW, loM: 0, hiM: heightM }];
  const out: BandPass[] = [];
  for (let j = 0; j < n - 1; j++) out.push({ offsetM: (j + 0.5) * widthM, widthM, loM: j * widthM, hiM: (j + 1) * widthM });
  out.push({ offsetM: heightM - lastW / 2, widthM: lastW, loM: (n - 1) * widthM, hiM: heightM });
  return out;
}
