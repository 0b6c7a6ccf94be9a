// npm run eval — when is a cross-language pair `translated` (the same content)
// rather than `reworded`? Reads the gold pairs of eval/gold/align: a pair whose gold
// relation is `unchanged` or `translated` has the same content, `reworded`, `split`
// and `merged` do not. TRANSLATED_FLOOR (src/align/align.ts) is chosen here on the
// tune pairs and checked on the held-out ones (cross-language pairs only).
import { alignPair, type AlignedPair } from '../../src/align/index.js';
import { contentAgreement, similarityMatrix, TRANSLATED_FLOOR, unitMatrix } from '../../src/align/align.js';
import { subpointProfiles } from '../../src/align/profile.js';
import { findDocument, loadCorpus } from '../../src/corpus/load.js';
import { loadGold } from './align.js';

interface Row {
  use: string;
  pair: string;
  cross: boolean;
  agreement: number;
  /** The gold says the two carry the same content. */
  same: boolean;
  relation: string;
}

/** Gold pairs that the aligner pairs too and that show no changed figure, name or polarity: the floor decides those. */
export function translatedRows(): Row[] {
  const corpus = loadCorpus({});
  const rows: Row[] = [];
  for (const gold of loadGold()) {
    const A = findDocument(corpus, gold.a)!;
    const B = findDocument(corpus, gold.b)!;
    const top = similarityMatrix(A, B);
    const expected = new Map(gold.pairs.map((p) => [`${p.a}→${p.b}`, p.relation]));
    const visit = (r: AlignedPair, m: typeof top) => {
      const rel = r.a && r.b ? expected.get(`${r.a}→${r.b}`) : undefined;
      const i = m.a.findIndex((u) => u.id === r.a);
      const j = m.b.findIndex((u) => u.id === r.b);
      if (rel && i >= 0 && j >= 0 && r.changes.length === 0 && r.relation !== 'split' && r.relation !== 'merged') {
        rows.push({ use: gold.use, pair: `${gold.a} ${r.a} ↔ ${gold.b} ${r.b}`, cross: r.crossLanguage, agreement: contentAgreement(m, i, j), same: rel === 'unchanged' || rel === 'translated', relation: r.relation });
      }
      if (r.subpairs && r.a && r.b) {
        const sub = unitMatrix(subpointProfiles(A, r.a), subpointProfiles(B, r.b));
        for (const s of r.subpairs) visit(s, sub);
      }
    };
    for (const r of alignPair(A, B).pairs) visit(r, top);
  }
  return rows;
}

/** The floor with the fewest errors on `rows` (same content at or above it), the middle of the gap it falls in. */
export function chooseFloor(rows: Row[]): { floor: number; errors: number } {
  const values = [...new Set(rows.map((r) => r.agreement))].sort((a, b) => a - b);
  const cuts = [0, ...values.slice(0, -1).map((v, k) => (v + values[k + 1]) / 2), 1.01];
  let best = { floor: 0, errors: Infinity };
  for (const floor of cuts) {
    const errors = rows.filter((r) => (r.agreement >= floor) !== r.same).length;
    if (errors < best.errors) best = { floor, errors };
  }
  return best;
}

const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(0)}%` : '–');

export async function evalTranslated(): Promise<string> {
  const rows = translatedRows();
  const tune = rows.filter((r) => r.use === 'tune');
  const chosen = chooseFloor(tune);
  const lines = ['`translated` across languages (src/align/align.ts TRANSLATED_FLOOR): gold pairs without a changed figure, name or polarity', ''];
  lines.push(`floor chosen on the tune pairs (${tune.length} pairs, ${tune.filter((r) => r.same).length} same content; English pairs count as on one scale, see CROSS_LANGUAGE_SCALE): ${chosen.floor.toFixed(3)} with ${chosen.errors} errors; shipped ${TRANSLATED_FLOOR}`);
  for (const use of ['tune', 'held-out']) {
    const cross = rows.filter((r) => r.use === use && r.cross);
    const said = cross.filter((r) => r.relation === 'translated');
    const right = said.filter((r) => r.same);
    const gold = cross.filter((r) => r.same);
    lines.push(`${use.padEnd(9)} cross-language: "translated" precision ${pct(right.length, said.length)} (${right.length}/${said.length}), recall ${pct(right.length, gold.length)} (${right.length}/${gold.length})`);
    for (const r of cross) if ((r.relation === 'translated') !== r.same) lines.push(`          ${r.relation === 'translated' ? 'wrongly translated' : 'missed'}: ${r.pair} (${r.agreement.toFixed(3)})`);
  }
  return lines.join('\n');
}
