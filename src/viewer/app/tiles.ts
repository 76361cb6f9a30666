/**
 * The optional online map background: a raster tile URL template the user sets (OSM,
 * satellite), remembered in localStorage, with the credit line its provider requires.
 */
import { t, type Lang } from './i18n.js';

export interface TilesSetting {
  /** `https://…/{z}/{x}/{y}.png`, or '' for the plain offline background. */
  url: string;
  /** Credit line shown over the map; OSM's own when empty and the URL is OSM's. */
  attribution: string;
}

const KEY = 'agrisim.tiles';

/** Accepts only http(s) templates with {z}, {x} and {y}; anything else means no tiles. */
export function checkTilesUrl(url: string): string {
  const u = url.trim();
  return /^https?:\/\/[^\s"'<>]+$/.test(u) && ['{z}', '{x}', '{y}'].every((p) => u.includes(p)) ? u : '';
}

export function loadTiles(): TilesSetting {
  try {
    const v = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<TilesSetting>;
    return { url: checkTilesUrl(String(v.url ?? '')), attribution: String(v.attribution ?? '') };
  } catch {
    return { url: '', attribution: '' };
  }
}

export function saveTiles(s: TilesSetting): TilesSetting {
  const clean = { url: checkTilesUrl(s.url), attribution: s.attribution.trim().slice(0, 200) };
  try {
    localStorage.setItem(KEY, JSON.stringify(clean));
  } catch {
    /* private mode: for this page only */
  }
  return clean;
}

/** The credit line: the user's, else OSM's in the page's language for OSM tiles, else the tile host. */
export function tilesAttribution(lang: Lang, s: TilesSetting): string {
  if (s.attribution) return s.attribution;
  if (/openstreetmap\.org/.test(s.url)) return t(lang, 'osmCredit');
  try {
    return `© ${new URL(s.url.replace(/[{}]/g, '')).hostname}`;
  } catch {
    return '';
  }
}
