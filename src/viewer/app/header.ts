/**
 * The page header: title, language switch, and the phone actions — my paddy, detailed map,
 * invite (QR code for the next phone), map background, control token. Labels are `data-i18n`.
 */
import { t, type Lang } from './i18n.js';

export const HEADER_HTML =
  `<div class="bar"><h1 data-i18n="title"></h1>` +
  `<div class="lang" role="group" aria-label="VI / EN"><button type="button" data-lang="vi" data-testid="lang-vi">VI</button>` +
  `<button type="button" data-lang="en" data-testid="lang-en">EN</button></div></div>` +
  `<div class="actions">` +
  `<button type="button" class="primary" data-testid="my-paddy" data-i18n="myPaddy"></button>` +
  `<button type="button" data-testid="map-toggle" data-i18n="mapDetailed"></button>` +
  `<button type="button" data-testid="invite" data-i18n="invite"></button>` +
  `<label class="compare" hidden><input type="checkbox" data-testid="compare"> <span data-i18n="compare"></span></label>` +
  `<details class="tiles"><summary data-i18n="settings"></summary><form>` +
  `<label><span data-i18n="tilesLabel"></span><input name="url" type="url" inputmode="url" autocomplete="off" data-testid="tiles-url" placeholder="https://tile.openstreetmap.org/{z}/{x}/{y}.png"></label>` +
  `<label><span data-i18n="tilesAttribution"></span><input name="attribution" autocomplete="off" data-testid="tiles-attribution"></label>` +
  `<p class="hint" data-i18n="tilesHint"></p><button type="submit" data-i18n="save"></button></form></details>` +
  `<details class="token"><summary data-i18n="token"></summary><form><input name="token" type="password" autocomplete="off" data-testid="token-input" aria-label="token">` +
  `<button type="submit" data-i18n="apply"></button></form></details>` +
  `</div>`;

/** Opens the invite dialog: the QR code and address another phone should open (`join.json`, made by the server). */
export async function showInvite(lang: Lang): Promise<void> {
  let dialog = document.querySelector<HTMLDialogElement>('dialog.invite');
  if (!dialog) {
    dialog = document.createElement('dialog');
    dialog.className = 'invite';
    dialog.dataset.testid = 'invite-dialog';
    document.body.appendChild(dialog);
  }
  dialog.innerHTML = `<p class="hint"></p><div class="qr" data-testid="invite-qr"></div><p class="url" data-testid="invite-url"></p><button type="button" class="close"></button>`;
  dialog.querySelector('.hint')!.textContent = t(lang, 'inviteHint');
  dialog.querySelector('.close')!.textContent = t(lang, 'close');
  dialog.querySelector('.close')!.addEventListener('click', () => dialog.close());
  try {
    const r = await fetch('join.json', { cache: 'no-store' });
    const j = (await r.json()) as { url: string; svg: string };
    // The SVG is made by our own server from a URL it chose (see src/viewer/join.ts).
    dialog.querySelector('.qr')!.innerHTML = j.svg;
    dialog.querySelector('.url')!.textContent = j.url;
  } catch {
    dialog.querySelector('.url')!.textContent = location.href.split('?')[0];
  }
  if (!dialog.open) dialog.showModal();
}
