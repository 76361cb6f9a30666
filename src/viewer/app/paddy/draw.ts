/**
 * The drawing board: a canvas with a 10 m grid where each tap (pointer event) adds a corner
 * of the paddy; undo and clear; the outline and its area are redrawn at once.
 */
import type { XY } from './geo.js';

/** Metres across the board's width: a Thái Bình plot (a few sào, 30–100 m a side) fills it. */
export const BOARD_WIDTH_M = 160;
/** Grid square, m: the hint tells the farmer one square is 10 m. */
export const GRID_M = 10;

export interface Board {
  corners: XY[];
  undo(): void;
  clear(): void;
  redraw(): void;
  /** Stops taking taps (while a result is shown) or takes them again. */
  setEnabled(on: boolean): void;
}

/** Pixels ↔ metres: origin at the board's centre, y up. */
function scale(canvas: HTMLCanvasElement) {
  const w = canvas.clientWidth || 1;
  const pxPerM = w / BOARD_WIDTH_M;
  return {
    pxPerM,
    toM: (x: number, y: number): XY => [+((x - w / 2) / pxPerM).toFixed(2), +((canvas.clientHeight / 2 - y) / pxPerM).toFixed(2)],
    toPx: (p: XY): XY => [w / 2 + p[0] * pxPerM, canvas.clientHeight / 2 - p[1] * pxPerM],
  };
}

export function createBoard(canvas: HTMLCanvasElement, onChange: (corners: XY[]) => void): Board {
  const corners: XY[] = [];
  let enabled = true;
  const ctx = canvas.getContext('2d')!;
  const redraw = () => {
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(canvas.clientWidth * dpr);
    canvas.height = Math.round(canvas.clientHeight * dpr);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const s = scale(canvas);
    ctx.fillStyle = '#dfe8d5';
    ctx.fillRect(0, 0, canvas.clientWidth, canvas.clientHeight);
    ctx.strokeStyle = '#c3d1b5';
    ctx.lineWidth = 1;
    const step = GRID_M * s.pxPerM;
    for (let x = (canvas.clientWidth / 2) % step; x < canvas.clientWidth; x += step) ctx.strokeRect(x, -1, 0, canvas.clientHeight + 2);
    for (let y = (canvas.clientHeight / 2) % step; y < canvas.clientHeight; y += step) ctx.strokeRect(-1, y, canvas.clientWidth + 2, 0);
    if (!corners.length) return;
    ctx.beginPath();
    corners.forEach((c, i) => (i ? ctx.lineTo(...s.toPx(c)) : ctx.moveTo(...s.toPx(c))));
    if (corners.length > 2) {
      ctx.closePath();
      ctx.fillStyle = '#b9d98fcc';
      ctx.fill();
    }
    ctx.strokeStyle = '#2e5d1f';
    ctx.lineWidth = 2;
    ctx.stroke();
    ctx.fillStyle = '#2e5d1f';
    for (const c of corners) {
      ctx.beginPath();
      ctx.arc(...s.toPx(c), 5, 0, 2 * Math.PI);
      ctx.fill();
    }
  };
  canvas.addEventListener('pointerup', (ev) => {
    if (!enabled || !ev.isPrimary) return;
    const r = canvas.getBoundingClientRect();
    corners.push(scale(canvas).toM(ev.clientX - r.left, ev.clientY - r.top));
    redraw();
    onChange(corners);
  });
  return {
    corners,
    undo() {
      corners.pop();
      redraw();
      onChange(corners);
    },
    clear() {
      corners.length = 0;
      redraw();
      onChange(corners);
    },
    redraw,
    setEnabled(on) {
      enabled = on;
    },
  };
}
