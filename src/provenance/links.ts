// What linked a cross-lingual evidence span: the terms of the plan span and
// of the source span that share a language-neutral key, named so a reader can
// check them ("перемирие ≈ ceasefire (glossary)").
import { loadGlossary } from '../text/index.js';
import type { EvidenceLink, Term } from './types.js';

/**
 * One link per neutral key the two spans share, in plan order: the surface
 * forms on the Russian and English sides (`ru`/`en`, texts sliced at the
 * terms' offsets) and the layer that made them one key — `glossary` for a
 * concept (with its id), `name` for a transliterated name, `figure` for a number.
 */
export function evidenceLinks(planTerms: Term[], sourceTerms: Term[], planText: string, sourceText: string, planIsRussian: boolean): EvidenceLink[] {
  const bySource = new Map<string, Term>();
  for (const t of sourceTerms) if (t.neutral && !bySource.has(t.key)) bySource.set(t.key, t);
  const links: EvidenceLink[] = [];
  const seen = new Set<string>();
  for (const t of planTerms) {
    const s = t.neutral ? bySource.get(t.key) : undefined;
    if (!s || seen.has(t.key)) continue;
    seen.add(t.key);
    const planForm = planText.slice(t.start, t.end);
    const sourceForm = sourceText.slice(s.start, s.end);
    const [ru, en] = planIsRussian ? [planForm, sourceForm] : [sourceForm, planForm];
    const concept = t.key.startsWith('c:') ? t.key.slice(2) : undefined;
    links.push({
      ru,
      en,
      layer: concept && loadGlossary().byConcept.has(concept) ? 'glossary' : t.kind === 'number' ? 'figure' : 'name',
      ...(concept ? { concept } : {}),
    });
  }
  return links;
}

/** "перемирие ≈ ceasefire (glossary); 600 тыс. ≈ 600,000 (figure)": the title a view shows on hover. */
export function linksTitle(links: EvidenceLink[]): string {
  return links.map((l) => `${l.ru} ≈ ${l.en} (${l.layer})`).join('; ');
}
