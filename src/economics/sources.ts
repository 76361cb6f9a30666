/**
 * The sources the defaults come from, named in both languages. docs/economics.md keeps the
 * full references (titles, dates, addresses); reports list the ones they use by these names,
 * so nothing a user reads points outside the repository.
 */
import type { Lang } from './types.js';

/** One source: a short name (as the report cites it) and a one-line description, per language. */
export interface SourceDef {
  id: string;
  short: Record<Lang, string>;
  full: Record<Lang, string>;
}

const s = (id: string, enShort: string, viShort: string, en: string, vi: string): SourceDef => ({
  id,
  short: { en: enShort, vi: viShort },
  full: { en, vi },
});

/** Every source, by id (docs/economics.md lists the same ids with the full references). */
export const SOURCES: readonly SourceDef[] = [
  s(
    'laodong-thaibinh',
    'Lao Động (Thái Bình)',
    'Lao Động (Thái Bình)',
    'Lao Động newspaper, report on hired transplanting crews in Đông Hưng, Thái Bình: 350,000–400,000 VND a day, about 350,000 VND per sào.',
    'Báo Lao Động, "Kiếm nửa triệu/ngày từ nghề cấy thuê ở Thái Bình" (Đông Hưng): 350–400 nghìn ₫/ngày, khoảng 350 nghìn ₫/sào.',
  ),
  s(
    'baohaiduong-2020',
    'Báo Hải Dương 2020',
    'Báo Hải Dương 2020',
    'Báo Hải Dương, 2020: hand transplanting 320,000–350,000 VND per sào; machine transplanting with tray seedlings supplied costs 40,000–60,000 VND per sào less.',
    'Báo Hải Dương, 2020: cấy tay 320–350 nghìn ₫/sào; cấy máy trọn gói cả mạ khay rẻ hơn 40–60 nghìn ₫/sào.',
  ),
  s(
    'gso',
    'GSO labour surveys',
    'Tổng cục Thống kê',
    'General Statistics Office of Vietnam, labour force surveys (rural wages, Red River Delta).',
    'Tổng cục Thống kê, điều tra lao động việc làm (tiền công nông thôn, Đồng bằng sông Hồng).',
  ),
  s(
    'irri',
    'IRRI Rice Knowledge Bank',
    'IRRI (Ngân hàng kiến thức lúa gạo)',
    'International Rice Research Institute, Rice Knowledge Bank: labour of manual transplanting and seedling pulling; knapsack spraying.',
    'Viện Nghiên cứu Lúa Quốc tế (IRRI), Ngân hàng kiến thức lúa gạo: công cấy tay, nhổ mạ; phun bình đeo vai.',
  ),
  s(
    'vn-extension',
    'Vietnamese extension guides',
    'Tài liệu khuyến nông',
    'Vietnamese agricultural extension guides: rice fertilizer rates, split nitrogen, tray nurseries for mechanised transplanting.',
    'Tài liệu khuyến nông Việt Nam: lượng phân bón cho lúa, bón đạm chia lần, làm mạ khay cho máy cấy.',
  ),
  s(
    'fao-spray',
    'FAO spraying guides',
    'Hướng dẫn phun thuốc của FAO',
    'FAO guidelines on pesticide application equipment (knapsack sprayers, water volumes).',
    'Hướng dẫn của FAO về thiết bị phun thuốc (bình đeo vai, lượng nước).',
  ),
  s(
    'asabe-ep496',
    'ASABE EP496',
    'ASABE EP496',
    'ASABE EP496, Agricultural Machinery Management: ownership cost (depreciation, interest, taxes, insurance, housing), years of use.',
    'ASABE EP496, quản lý máy nông nghiệp: chi phí sở hữu (khấu hao, lãi vốn, thuế, bảo hiểm, nhà kho), số năm sử dụng.',
  ),
  s(
    'asabe-d497',
    'ASABE D497',
    'ASABE D497',
    'ASABE D497, Agricultural Machinery Management Data: life in hours, repair factors RF1 and RF2, field efficiency and speed.',
    'ASABE D497, số liệu quản lý máy nông nghiệp: tuổi thọ theo giờ, hệ số sửa chữa RF1, RF2, hiệu suất và tốc độ làm việc.',
  ),
  s(
    'dji-t40',
    'DJI Agras T40 specifications',
    'Thông số DJI Agras T40',
    'DJI Agras T40 specifications: 40 L / 50 kg tank, 30 Ah 52.22 V flight battery rated for 1,500 charge cycles.',
    'Thông số kỹ thuật DJI Agras T40: bình 40 L / 50 kg, pin 30 Ah 52,22 V, 1.500 chu kỳ sạc.',
  ),
  s(
    'vnexpress-2022',
    'VnExpress 2022 (An Giang)',
    'VnExpress 2022 (An Giang)',
    'VnExpress, March 2022 (Tri Tôn, An Giang), also in Nông thôn Việt: drones cost 400–700 million VND; spraying service 160,000 VND/ha.',
    'VnExpress, 3/2022 (Tri Tôn, An Giang), đăng lại trên Nông thôn Việt: máy bay 400–700 triệu ₫; dịch vụ phun 160 nghìn ₫/ha.',
  ),
  s(
    'soctrang-2023',
    'Nông nghiệp hữu cơ 2023 (Sóc Trăng)',
    'Nông nghiệp hữu cơ 2023 (Sóc Trăng)',
    'Nông nghiệp hữu cơ, 2023 (Thạnh Trị, Sóc Trăng): drone spraying service 17,000–18,000 VND per 1,000 m²; drone bought for about 500 million VND.',
    'Nông nghiệp hữu cơ, 2023 (Thạnh Trị, Sóc Trăng): phun thuốc bằng máy bay 17–18 nghìn ₫/1.000 m²; máy giá gần 500 triệu ₫.',
  ),
  s(
    'vnexpress-2024',
    'VnExpress 2024 (Khánh Hòa)',
    'VnExpress 2024 (Khánh Hòa)',
    'VnExpress, September 2024 (Cam Lâm, Khánh Hòa): about 500,000 VND of petrol for the generator charging the drone batteries over 4 hours of spraying 7 ha of mango.',
    'VnExpress, 9/2024 (Cam Lâm, Khánh Hòa): khoảng 500 nghìn ₫ tiền xăng cho máy nổ sạc pin trong 4 giờ phun 7 ha xoài.',
  ),
  s(
    'qd-68-2013',
    'Decision 68/2013/QĐ-TTg',
    'Quyết định 68/2013/QĐ-TTg',
    "Prime Minister's Decision 68/2013/QĐ-TTg of 14 Nov 2013 on support to reduce losses in agriculture (replacing 63/2010/QĐ-TTg and 65/2011/QĐ-TTg): the state pays the interest of commercial loans for transplanters and other machines, 100 % in the first 2 years and 50 % in the third, as the press summarised it.",
    'Quyết định 68/2013/QĐ-TTg ngày 14/11/2013 về chính sách hỗ trợ nhằm giảm tổn thất trong nông nghiệp (thay Quyết định 63/2010/QĐ-TTg và 65/2011/QĐ-TTg): ngân sách hỗ trợ lãi suất vốn vay mua máy gieo cấy và máy khác, 100 % trong 2 năm đầu, 50 % năm thứ ba, theo báo chí tóm tắt.',
  ),
  s(
    'nq-08-2023-tb',
    'Thái Bình Resolution 08/2023/NQ-HĐND',
    'Nghị quyết 08/2023/NQ-HĐND Thái Bình',
    "Thái Bình People's Council Resolution 08/2023/NQ-HĐND of 12 Jul 2023, support for land accumulation up to 2028; no machine purchase subsidy figure found in the text we could read.",
    'Nghị quyết 08/2023/NQ-HĐND ngày 12/7/2023 của HĐND tỉnh Thái Bình về hỗ trợ tích tụ, tập trung đất đai đến năm 2028; không tìm thấy mức hỗ trợ mua máy trong phần văn bản đọc được.',
  ),
  s(
    'dealers',
    "Vietnamese dealers' prices",
    'Giá đại lý trong nước',
    'Prices of Vietnamese dealers and the press for agricultural drones and riding transplanters (2022–2023).',
    'Giá bán của đại lý và báo chí trong nước cho máy bay nông nghiệp và máy cấy ngồi lái (2022–2023).',
  ),
  s(
    'makers',
    'Kubota/Yanmar specifications',
    'Thông số Kubota/Yanmar',
    'Kubota and Yanmar riding transplanter specifications: 6 rows at 30 cm, working speed, fuel use.',
    'Thông số máy cấy ngồi lái Kubota, Yanmar: 6 hàng cách 30 cm, tốc độ làm việc, mức tiêu hao nhiên liệu.',
  ),
  s(
    'guidance-trials',
    'GNSS guidance trials',
    'Thử nghiệm dẫn đường GNSS',
    'Published trials of GNSS guidance on farm machines: overlaps −6 %, gaps −16 %, field time −35 % (figures as compiled for this project).',
    'Các thử nghiệm dẫn đường GNSS trên máy nông nghiệp đã công bố: chồng lấn −6 %, bỏ sót −16 %, thời gian −35 % (số liệu tổng hợp cho dự án).',
  ),
  s(
    'vn-trials',
    'Vietnamese transplanting trials',
    'Mô hình cấy máy trong nước',
    'Vietnamese trial reports of mechanised transplanting: labour −74.7 %, production cost −29.65 %.',
    'Báo cáo mô hình cấy máy trong nước: giảm 74,7 % công lao động, giảm 29,65 % chi phí.',
  ),
  s(
    'petrolimex',
    'Petrolimex prices 2023',
    'Giá Petrolimex 2023',
    'Petrolimex retail fuel prices, 2023 (diesel about 20,000–22,000 VND/L, RON 95 petrol about 23,000 VND/L).',
    'Giá bán lẻ xăng dầu Petrolimex năm 2023 (dầu diesel khoảng 20–22 nghìn ₫/L, xăng RON 95 khoảng 23 nghìn ₫/L).',
  ),
  s(
    'fert-prices',
    'Fertilizer retail prices 2023',
    'Giá phân bón bán lẻ 2023',
    'Retail urea prices reported by the Vietnamese press in 2023 (about 10,000–12,000 VND/kg).',
    'Giá urê bán lẻ báo chí đưa tin năm 2023 (khoảng 10–12 nghìn ₫/kg).',
  ),
  s(
    'agribank',
    'Agribank lending rates 2023',
    'Lãi suất cho vay Agribank 2023',
    'Agribank lending rates for agriculture, 2023 (7–10 % a year).',
    'Lãi suất cho vay nông nghiệp của Agribank năm 2023 (7–10 %/năm).',
  ),
];

/** Sources by id. */
export const SOURCES_BY_ID: ReadonlyMap<string, SourceDef> = new Map(SOURCES.map((x) => [x.id, x]));
