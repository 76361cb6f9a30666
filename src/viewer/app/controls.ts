/**
 * Pause / resume / speed / restart buttons of one pane. Built only when the user has given
 * the server's control token; every control message carries it.
 */
import type { ControlAction } from '../../telemetry/client/index.js';

/** Speed-ups offered in the menu (simulated seconds per wall second). */
export const SPEEDUPS = [1, 2, 5, 10, 20, 50, 100];

export type SendControl = (action: ControlAction, value?: number) => void;

/** Shows the server's current speed-up in the menu (adding it when it is not one of {@link SPEEDUPS}). */
export function showSpeedup(root: HTMLElement, speedup: number | undefined): void {
  const sel = root.querySelector<HTMLSelectElement>('[data-testid="speed-select"]');
  if (!sel || !(typeof speedup === 'number' && speedup > 0)) return;
  const value = String(speedup);
  if (![...sel.options].some((o) => o.value === value)) {
    const after = [...sel.options].find((o) => Number(o.value) > speedup) ?? null;
    sel.insertBefore(new Option(value, value), after);
  }
  sel.value = value;
}

/** Fills `root` with the controls; labels use `data-i18n`. */
export function buildControls(root: HTMLElement, send: SendControl): void {
  root.innerHTML =
    `<button type="button" data-testid="pause" data-i18n="pause"></button>` +
    `<button type="button" data-testid="resume" data-i18n="resume"></button>` +
    `<label><span data-i18n="speedup"></span> <select data-testid="speed-select">` +
    SPEEDUPS.map((s) => `<option value="${s}">${s}</option>`).join('') +
    `</select></label>` +
    `<button type="button" data-testid="restart" data-i18n="restart"></button>`;
  root.querySelector('[data-testid="pause"]')!.addEventListener('click', () => send('pause'));
  root.querySelector('[data-testid="resume"]')!.addEventListener('click', () => send('resume'));
  root.querySelector('[data-testid="restart"]')!.addEventListener('click', () => send('restart'));
  const sel = root.querySelector<HTMLSelectElement>('[data-testid="speed-select"]')!;
  sel.addEventListener('change', () => send('speed', Number(sel.value)));
}
