/** Block defaults: the season window a co-op block is worked in. Sources: ids of SOURCES (sources.ts), full references in docs/economics.md. */
import { type Row, TP, POS } from './row.js';

export const BLOCK_ROWS: readonly Row[] = [
  // ---- block ----
  [
    'block.windowDays',
    12,
    ['days', 'ngày'],
    [10, 15],
    POS,
    TP,
    ['Transplanting window of a block', 'Khung thời vụ cấy của cánh đồng'],
    ['vn-extension'],
    ["the province's seasonal calendar asks for transplanting within 10–15 days", 'lịch thời vụ yêu cầu cấy xong trong 10–15 ngày'],
  ],
];
