// npx tsx scripts/provenance-stability.ts [BULK] — how much an unrelated bulk
// archive moves the matches of the shipped statements (the measures of a
// researcher's report, 1 Dec 2026): us-28-2025-11-20 and ua-20-2025-12-24
// matched with the shipped statements alone and with the archive added; for
// the shipped documents in each point's top 10 without the archive, the ratio
// of their scores with / without it (median, how many up / down); how many
// points' earliest antecedent changes; origin flips; archive passages in a
// point's top 3. BULK defaults to PROVENANCE_BULK or data/bulk/.
import { findDocument, loadCorpus } from '../src/corpus/load.js';
import { matchPlan, textLookup, type MatchResult } from '../src/provenance/index.js';
import { openPassageIndex } from '../src/provenance/open-index.js';
import { BULK_PATH } from './eval/provenance-corpora.js';

const bulk = process.argv[2] ?? BULK_PATH;
const PLANS = ['us-28-2025-11-20', 'ua-20-2025-12-24'];

function matchAll(corpora: string[]): { results: MatchResult[]; shipped: Set<string> } {
  const corpus = loadCorpus({ corpora });
  const opened = openPassageIndex(corpus);
  const sourceText = textLookup(corpus.documents);
  const results = PLANS.map((id) => matchPlan(findDocument(corpus, id)!, opened.index, { top: 10, sourceText }));
  const shipped = new Set(corpus.documents.filter((d) => !d.path?.endsWith('.gz') && !d.path?.endsWith('.jsonl') && !d.path?.endsWith('.csv')).map((d) => d.id));
  opened.close();
  return { results, shipped };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};

const without = matchAll([]);
const withBulk = matchAll([bulk]);
for (let i = 0; i < PLANS.length; i++) {
  const a = without.results[i];
  const b = withBulk.results[i];
  const ratios: number[] = [];
  let earliest = 0;
  let flips: string[] = [];
  let archiveTop3 = 0;
  const moved: string[] = [];
  for (const p of a.points) {
    const q = b.points.find((x) => x.point === p.point)!;
    for (const [doc, s] of Object.entries(p.documents).slice(0, 10)) {
      const t = q.documents[doc];
      if (t === undefined || s <= 0) continue;
      ratios.push(t / s);
    }
    if (p.lineage.earliest?.doc !== q.lineage.earliest?.doc || p.lineage.earliest?.passage !== q.lineage.earliest?.passage) {
      earliest++;
      moved.push(`${p.point}: ${p.lineage.earliest ? `${p.lineage.earliest.doc} ${p.lineage.earliest.passage}` : '—'} → ${q.lineage.earliest ? `${q.lineage.earliest.doc} ${q.lineage.earliest.passage}` : '—'}`);
    }
    if (p.origin.side !== q.origin.side) flips.push(`${p.point} ${p.origin.side}→${q.origin.side}`);
    archiveTop3 += Object.keys(q.documents).slice(0, 3).filter((d) => !without.shipped.has(d)).length;
    if (PLANS[i] === 'us-28-2025-11-20' && p.point === '2') {
      const rank = (m: typeof p) => Object.keys(m.documents).indexOf('ru-2021-12-17-draft-nato') + 1;
      moved.push(`(us-28 2: ru-2021-12-17-draft-nato ranks ${rank(p)} without, ${rank(q)} with the archive)`);
    }
  }
  const up = ratios.filter((r) => r > 1).length;
  const down = ratios.filter((r) => r < 1).length;
  console.log(`${PLANS[i]}: ${a.points.length} points; shipped top-10 scores with/without the archive: median ×${median(ratios).toFixed(2)} (${up} up, ${down} down, ${ratios.length - up - down} same, of ${ratios.length}); earliest antecedent changed for ${earliest}; origin flips ${flips.length}${flips.length ? ` (${flips.join(', ')})` : ''}; archive passages in a top 3: ${archiveTop3}`);
  for (const m of moved) console.log(`  earliest ${m}`);
}
