/**
 * Vietnamese and English strings and locale choice. Vietnamese is the default when the
 * browser's first matching language is Vietnamese; `?lang=vi|en` and the switch override.
 */
import type { Lang } from '../../units/index.js';

export type { Lang };

const EN = {
  title: 'agrisim live',
  simulation: 'Simulation',
  compare: 'Side by side',
  covered: 'Covered',
  coveredArea: 'Covered area',
  elapsed: 'Elapsed',
  remaining: 'Remaining',
  speed: 'Speed',
  tank: 'Tank',
  trays: 'Trays left',
  battery: 'Battery',
  sortie: 'Sortie',
  fix: 'Fix',
  xte: 'Cross-track error',
  activity: 'Activity',
  savings: 'Savings vs manual',
  personDays: 'person-days saved',
  estimate: 'computed by the server from the run (docs/economics.md), own machine; one season on the area done',
  connected: 'connected',
  connecting: 'connecting…',
  disconnected: 'disconnected: reconnecting…',
  pause: 'Pause',
  resume: 'Resume',
  restart: 'Restart',
  speedup: 'Speed ×',
  token: 'Control token',
  apply: 'Use',
  vehicle: 'Machine',
  done: 'Run finished',
  waiting: 'Waiting for the simulation…',
  paused: 'paused',
  noWebgl: 'WebGL unavailable: simple 2D drawing',
  'fix.rtk-fixed': 'RTK fixed',
  'fix.rtk-float': 'RTK float',
  'fix.dgps': 'DGPS',
  'fix.gnss': 'GNSS',
  'fix.none': 'no fix',
  'act.working': 'working',
  'act.turning': 'turning',
  'act.transit': 'transit',
  'act.refilling': 'refilling',
  'act.idle': 'idle',
  'act.done': 'done',
  'guid.rtk': 'RTK guided',
  'guid.gnss': 'GNSS guided',
  'guid.manual': 'manual driving',
  'ev.refill': 'refill',
  'ev.battery-swap': 'battery swap',
  'ev.tray-reload': 'tray reload',
  'ev.fault': 'fault',
  'ev.done': 'done',
  'ev.sortie-start': 'sortie start',
  'err.TELEMETRY_UNAUTHORIZED': 'Wrong control token',
  'err.TELEMETRY_CONTROL_DISABLED': 'This server takes no controls',
  'err.TELEMETRY_UNKNOWN_SIM': 'No such simulation on this server',
  // block runs (a fleet on a whole block)
  makespan: 'Whole block done at',
  depotQueue: 'Waiting at the depot',
  paddiesDone: 'Paddies done',
  machines: 'machines',
  'act.road': 'on the road',
  'act.queued': 'waiting at the depot',
  'ev.paddy-done': 'paddy done',
};

export type StringKey = keyof typeof EN;

const VI: Record<StringKey, string> = {
  title: 'agrisim trực tiếp',
  simulation: 'Mô phỏng',
  compare: 'So sánh song song',
  covered: 'Đã phủ',
  coveredArea: 'Diện tích đã làm',
  elapsed: 'Đã chạy',
  remaining: 'Còn lại',
  speed: 'Tốc độ',
  tank: 'Bình',
  trays: 'Khay mạ còn',
  battery: 'Pin',
  sortie: 'Chuyến',
  fix: 'Định vị',
  xte: 'Sai lệch ngang',
  activity: 'Hoạt động',
  savings: 'Tiết kiệm so với làm tay',
  personDays: 'ngày công tiết kiệm',
  estimate: 'máy chủ tính từ lần chạy (docs/economics.md), máy tự mua; một vụ trên diện tích đã làm',
  connected: 'đã kết nối',
  connecting: 'đang kết nối…',
  disconnected: 'mất kết nối: đang thử lại…',
  pause: 'Tạm dừng',
  resume: 'Tiếp tục',
  restart: 'Chạy lại',
  speedup: 'Tốc độ ×',
  token: 'Mã điều khiển',
  apply: 'Dùng',
  vehicle: 'Máy',
  done: 'Đã xong',
  waiting: 'Đang chờ mô phỏng…',
  paused: 'tạm dừng',
  noWebgl: 'Không có WebGL: bản vẽ 2D đơn giản',
  'fix.rtk-fixed': 'RTK cố định',
  'fix.rtk-float': 'RTK thả nổi',
  'fix.dgps': 'DGPS',
  'fix.gnss': 'GNSS',
  'fix.none': 'mất định vị',
  'act.working': 'đang làm',
  'act.turning': 'đang quay đầu',
  'act.transit': 'đang di chuyển',
  'act.refilling': 'đang nạp',
  'act.idle': 'chờ',
  'act.done': 'xong',
  'guid.rtk': 'dẫn hướng RTK',
  'guid.gnss': 'dẫn hướng GNSS',
  'guid.manual': 'lái tay',
  'ev.refill': 'nạp phân',
  'ev.battery-swap': 'thay pin',
  'ev.tray-reload': 'nạp khay mạ',
  'ev.fault': 'sự cố',
  'ev.done': 'xong',
  'ev.sortie-start': 'bắt đầu chuyến',
  'err.TELEMETRY_UNAUTHORIZED': 'Sai mã điều khiển',
  'err.TELEMETRY_CONTROL_DISABLED': 'Máy chủ này không nhận lệnh điều khiển',
  'err.TELEMETRY_UNKNOWN_SIM': 'Máy chủ không có mô phỏng này',
  // block runs (a fleet on a whole block)
  makespan: 'Cả cánh đồng xong lúc',
  depotQueue: 'Đang chờ ở điểm nạp',
  paddiesDone: 'Số thửa đã xong',
  machines: 'máy',
  'act.road': 'đang đi trên đường',
  'act.queued': 'chờ ở điểm nạp',
  'ev.paddy-done': 'xong một thửa',
};

const TABLES: Record<Lang, Record<StringKey, string>> = { en: EN, vi: VI };

/** The string for `key` in `lang`. */
export function t(lang: Lang, key: StringKey): string {
  return TABLES[lang][key];
}

/** Looks up a dynamic key such as `fix.rtk-fixed`, falling back to the raw value. */
export function tDynamic(lang: Lang, prefix: string, value: string): string {
  const table = TABLES[lang] as Record<string, string>;
  return table[`${prefix}.${value}`] ?? value;
}

/**
 * Picks the language: an explicit `?lang=`, else the first of the browser's languages that
 * is Vietnamese or English, else English.
 * @example
 * pickLang(null, ['vi-VN', 'en-US']); // 'vi'
 */
export function pickLang(param: string | null, languages: readonly string[]): Lang {
  if (param === 'vi' || param === 'en') return param;
  for (const l of languages) {
    const base = l.toLowerCase().split('-')[0];
    if (base === 'vi' || base === 'en') return base;
  }
  return 'en';
}
