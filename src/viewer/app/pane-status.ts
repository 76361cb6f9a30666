/**
 * A pane's status: the connection badge, the paused badge, the speed-up and the message line
 * (waiting, done, the last event, an error), all in the page's language.
 */
import type { SimEvent } from '../../sim/index.js';
import type { WireVehicle } from '../../telemetry/client/index.js';
import { showSpeedup } from './controls.js';
import { t, tDynamic, type Lang } from './i18n.js';
import { vehicleLabel } from './names.js';
import type { ConnectionState } from './socket.js';

/** What the message line says. */
export type PaneMessage =
  | { key: 'waiting' }
  | { key: 'done' }
  | { key: 'error'; code: string; text: string }
  | { key: 'event'; event?: SimEvent };

/** The elements the status writes to. */
export interface StatusElements {
  root: HTMLElement;
  connection: HTMLElement;
  pausedBadge: HTMLElement;
  message: HTMLElement;
  controls: HTMLElement;
}

/** `Máy cấy 1: nạp khay mạ (…)` — the machine by its kind and number, the event and its detail. */
function eventText(lang: Lang, ev: SimEvent, vehicles: readonly WireVehicle[]): string {
  const i = vehicles.findIndex((v) => v.id === ev.vehicleId);
  const sameKindBefore = i >= 0 ? vehicles.slice(0, i).filter((v) => v.kind === vehicles[i].kind).length : 0;
  const who = i >= 0 ? vehicleLabel(lang, vehicles[i].kind, sameKindBefore) : ev.vehicleId;
  return `${who}: ${tDynamic(lang, 'ev', ev.type)}${ev.detail ? ` (${tDynamic(lang, 'detail', ev.detail)})` : ''}`;
}

/** Known server error codes in the page's language; others as the server wrote them. */
function errorText(lang: Lang, code: string, text: string): string {
  const known = tDynamic(lang, 'err', code);
  return known !== code ? `${known} (${code})` : `${code}: ${text}`;
}

function messageText(lang: Lang, m: PaneMessage, vehicles: readonly WireVehicle[]): string {
  if (m.key === 'waiting' || m.key === 'done') return t(lang, m.key);
  if (m.key === 'error') return errorText(lang, m.code, m.text);
  return m.event ? eventText(lang, m.event, vehicles) : '';
}

/**
 * Creates the status of a pane. `vehicles` gives the machines now (events name them by kind and number).
 * @example
 * const status = createPaneStatus(elements, () => []);
 * status.setConn('connected');
 */
export function createPaneStatus(el: StatusElements, vehicles: () => readonly WireVehicle[]) {
  let lang: Lang = 'en';
  let message: PaneMessage = { key: 'waiting' };
  let connection: ConnectionState = 'connecting';
  let paused = false;
  let speedup: number | undefined;
  const show = () => {
    el.message.textContent = messageText(lang, message, vehicles());
    el.message.classList.toggle('error', message.key === 'error');
  };
  const setConn = (s: ConnectionState) => {
    connection = s;
    el.connection.dataset.state = s;
    el.connection.textContent = t(lang, s);
    el.root.classList.toggle('offline', s !== 'connected');
  };
  return {
    show(m: PaneMessage) {
      message = m;
      show();
    },
    setConn,
    setPaused(p: boolean) {
      paused = p;
      el.pausedBadge.hidden = !p;
    },
    setSpeedup(k: number | undefined) {
      if (typeof k !== 'number') return;
      speedup = k;
      showSpeedup(el.controls, k);
    },
    setLang(l: Lang) {
      lang = l;
      setConn(connection);
      show();
    },
    get lang() {
      return lang;
    },
    get paused() {
      return paused;
    },
    get speedup() {
      return speedup;
    },
    get connection() {
      return connection;
    },
  };
}
