/**
 * What would a co-operative save on 50 ha of rice by hiring a fertilizer drone and a
 * GNSS-guided transplanter instead of doing the work by hand? Thái Bình defaults, every
 * figure with its source in docs/economics.md; override any assumption by key.
 *
 *   npx tsx examples/co-op-savings.ts [areaHa] [vi|en]
 */
import { computeSavings, formatVnd } from 'agrisim';

const areaHa = Number(process.argv[2] ?? 50);
const lang = (process.argv[3] ?? 'en') as 'vi' | 'en';

for (const operation of ['fertilizing', 'transplanting'] as const) {
  const r = computeSavings({ operation, areaHa, ownership: 'hire' });
  console.log(`${operation} ${r.areaHa} ha (${r.areaSao} sào), hired machine:`);
  console.log(`  manual      ${formatVnd(r.manual.totalVnd, lang)}, ${r.manual.personDays} person-days`);
  console.log(`  machine     ${formatVnd(r.mechanized.totalVnd, lang)}, ${r.mechanized.personDays} person-days`);
  console.log(`  saved       ${formatVnd(r.savings.vnd, lang)} (${r.savings.pct} %), ${r.savings.personDays} person-days`);
  console.log(`  per sào     ${formatVnd(r.perSao.savingsVnd, lang)}`);
  const owned = computeSavings({ operation, areaHa, ownership: 'own' });
  console.log(`  if owned    saved ${formatVnd(owned.savings.vnd, lang)} (${owned.savings.pct} %)`);
  const own = r.breakEvenHaPerYear.ownVsHire;
  console.log(`  buying beats hiring above ${own === null ? '(never, within 100 000 ha)' : `${own} ha/year`}`);
}
