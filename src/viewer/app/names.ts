/**
 * Names shown for simulations and machines in the page's language. Scenario files name their
 * runs in English (`sims/*.json`), so the page composes its own label from what it knows —
 * machine kind, how many, guidance, the paddies in brackets (`Ô 1–4`) — and shows the file's
 * name only when it knows nothing better.
 */
import { t, tDynamic, type Lang, type StringKey } from './i18n.js';
import type { SimOffer } from '../../telemetry/client/index.js';

/** Machine kinds with a name in every language (`kind.<kind>`). */
const KINDS = new Set(['drone', 'transplanter']);

/** Machine kind of an offer: from the snapshots seen, else guessed from its id. */
export function kindOf(offer: SimOffer, known: ReadonlyMap<string, string>): string | undefined {
  const k = known.get(offer.id);
  if (k) return k;
  if (/transplanter/i.test(offer.id)) return 'transplanter';
  if (/drone/i.test(offer.id)) return 'drone';
  return undefined;
}

/**
 * `Drone bón phân · dẫn hướng RTK (Ô 1–4)` / `Fertilizer drone · RTK guided (Ô 1–4)`.
 * @example
 * simLabel('vi', { id: 'thai-binh-drone-manual', name: '… (Ô 1–4) (driven by eye)', guidance: 'manual' }, new Map());
 * // 'Drone bón phân · lái tay (Ô 1–4)'
 */
export function simLabel(lang: Lang, offer: SimOffer, known: ReadonlyMap<string, string>): string {
  const kind = kindOf(offer, known);
  if (!kind || !KINDS.has(kind)) return offer.name || offer.id;
  const count = offer.vehicles?.length ?? 1;
  const guidance = (offer.guidance ?? '')
    .split('+')
    .filter(Boolean)
    .map((g) => tDynamic(lang, 'guid', g));
  const paddies = /\((Ô [^)]*)\)/.exec(offer.name ?? '')?.[1];
  return `${count > 1 ? `${count} × ` : ''}${t(lang, `kind.${kind}` as StringKey)}${guidance.length ? ` · ${guidance.join(', ')}` : ''}${paddies ? ` (${paddies})` : ''}`;
}

/** `Máy cấy 1` / `Transplanter 1`: the `index`-th machine (from 0) of that kind. */
export function vehicleLabel(lang: Lang, kind: string, index: number): string {
  return `${KINDS.has(kind) ? tDynamic(lang, 'kind', kind) : kind} ${index + 1}`;
}
