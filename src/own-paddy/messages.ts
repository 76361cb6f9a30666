/**
 * What the farmer reads when a paddy is refused or something was left out: one sentence per
 * stable code, in Vietnamese or English, saying what is wrong and what to do. The code is
 * also sent, so the page, the CLI and the tests agree on what happened.
 */
export type PaddyLang = 'vi' | 'en';

const VI: Record<string, string> = {
  FIELD_PARSE: 'Không đọc được tệp: cần tệp KML (Google Earth, My Maps) hoặc GeoJSON.',
  FIELD_EMPTY: 'Không tìm thấy thửa ruộng nào (hình đa giác) trong dữ liệu.',
  FIELD_UNSUPPORTED_GEOMETRY: 'Chỉ nhận ranh giới ruộng dạng đa giác; điểm và đường không phải là ruộng.',
  FIELD_RING_UNCLOSED: 'Ranh giới ruộng chưa khép kín: điểm cuối phải trùng điểm đầu.',
  FIELD_RING_TOO_SHORT: 'Ruộng cần ít nhất 3 góc khác nhau.',
  FIELD_COORD_INVALID: 'Có toạ độ không phải là số.',
  FIELD_COORD_OUT_OF_RANGE: 'Có toạ độ nằm ngoài Trái Đất (kinh độ ±180, vĩ độ ±90).',
  FIELD_LATLON_SWAPPED: 'Toạ độ có vẻ bị đảo (vĩ độ trước, kinh độ sau); hãy xuất lại tệp.',
  FIELD_SELF_INTERSECTION: 'Ranh giới ruộng tự cắt nhau. Hãy chạm các góc lần lượt theo vòng quanh bờ ruộng, không bắt chéo.',
  FIELD_HOLE_OUTSIDE: 'Có phần khoét (mộ, ao) nằm ngoài ruộng.',
  FIELD_TOO_LARGE: 'Ruộng hoặc tệp quá lớn cho bản thử này.',
  FIELD_DEGENERATE: 'Ruộng gần như không có diện tích; hãy chọn các góc xa nhau hơn.',
  PLAN_NO_WORKING_AREA: 'Ruộng quá hẹp: sau khi chừa đường quay đầu không còn chỗ cho máy làm.',
  PLAN_TOO_MANY_SWATHS: 'Ruộng cần quá nhiều luống cho bản thử này.',
  PLAN_INVALID_OPTION: 'Tuỳ chọn lập kế hoạch không hợp lệ.',
  VEHICLE_UNKNOWN: 'Không có loại máy này.',
  PADDY_BAD_REQUEST: 'Yêu cầu không hợp lệ: cần ranh giới ruộng và loại máy.',
  PADDY_BODY_TOO_LARGE: 'Tệp gửi lên quá lớn.',
  PADDY_RATE_LIMITED: 'Bạn gửi nhiều quá; xin đợi một chút rồi thử lại.',
  FIELD_IGNORED_GEOMETRY: 'Đã bỏ qua điểm ghim hoặc đường kẻ (chỉ hình đa giác mới là ruộng)',
  MORE_PADDIES: 'Tệp có nhiều thửa; đã tính thửa đầu tiên',
  INTERNAL: 'Máy chủ gặp lỗi khi tính; xin thử lại.',
};

const EN: Record<string, string> = {
  FIELD_PARSE: 'The file cannot be read: send KML (Google Earth, My Maps) or GeoJSON.',
  FIELD_EMPTY: 'No paddy (polygon) found in the data.',
  FIELD_UNSUPPORTED_GEOMETRY: 'Only polygon boundaries are paddies; points and lines are not.',
  FIELD_RING_UNCLOSED: 'The boundary is not closed: its last point must be its first.',
  FIELD_RING_TOO_SHORT: 'A paddy needs at least 3 different corners.',
  FIELD_COORD_INVALID: 'A coordinate is not a number.',
  FIELD_COORD_OUT_OF_RANGE: 'A coordinate is off the Earth (longitude ±180, latitude ±90).',
  FIELD_LATLON_SWAPPED: 'The coordinates look swapped (latitude first); export the file again.',
  FIELD_SELF_INTERSECTION: 'The boundary crosses itself. Tap the corners one after another around the paddy, without crossing.',
  FIELD_HOLE_OUTSIDE: 'A cut-out (tomb, pond) lies outside the paddy.',
  FIELD_TOO_LARGE: 'The paddy or the file is too large for this trial.',
  FIELD_DEGENERATE: 'The paddy has almost no area; pick corners further apart.',
  PLAN_NO_WORKING_AREA: 'The paddy is too narrow: after the headland there is nothing left for the machine to work.',
  PLAN_TOO_MANY_SWATHS: 'The paddy needs too many passes for this trial.',
  PLAN_INVALID_OPTION: 'A planning option is not valid.',
  VEHICLE_UNKNOWN: 'No such machine.',
  PADDY_BAD_REQUEST: 'Bad request: a paddy boundary and a machine are needed.',
  PADDY_BODY_TOO_LARGE: 'The upload is too large.',
  PADDY_RATE_LIMITED: 'Too many requests; wait a moment and try again.',
  FIELD_IGNORED_GEOMETRY: 'Ignored a pin or a line (only polygons are paddies)',
  MORE_PADDIES: 'The file has several paddies; the first was used',
  INTERNAL: 'The server failed while computing; try again.',
};

/** The farmer's sentence for `code` in `lang` (the internal-error one for an unknown code). */
export function paddyMessage(lang: PaddyLang, code: string): string {
  const table = lang === 'vi' ? VI : EN;
  return table[code] ?? table.INTERNAL;
}

/** Codes that have a sentence (for tests: every code the endpoint can send is covered). */
export const MESSAGE_CODES = Object.keys(VI);
