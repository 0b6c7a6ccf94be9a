// Deterministic synthetic corpora for the benchmark, built only from real
// statement passages: sampled, recombined and perturbed with a fixed seed.
import type { Document } from '../../src/corpus/types.js';
import { seededRandom } from '../../src/util/seeded-random.js';

/** Seeded, so synthetic corpora are the same on every run. */
export const rng = seededRandom;

export interface SourcePassage {
  text: string;
  doc: Document;
}

export function realPassages(documents: Document[]): SourcePassage[] {
  const out: SourcePassage[] = [];
  for (const doc of documents) {
    if (doc.kind !== 'statement') continue;
    for (const s of doc.segments) if (s.kind === 'passage') out.push({ text: doc.text.slice(s.start, s.end), doc });
  }
  return out;
}

const SENTENCE_END = /(?<=[.!?;:])\s+/u;

/** A synthetic corpus of `n` passages as JSON Lines (10 passages a document). */
export function syntheticJsonl(n: number, pool: SourcePassage[], seed: number): string {
  const random = rng(seed + n);
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];
  const byLanguage = new Map<string, SourcePassage[]>();
  for (const p of pool) {
    if (!byLanguage.has(p.doc.language)) byLanguage.set(p.doc.language, []);
    byLanguage.get(p.doc.language)!.push(p);
  }
  const lines: string[] = [];
  const PER_DOC = 10;
  for (let d = 0; d * PER_DOC < n; d++) {
    const paragraphs: string[] = [];
    let first: SourcePassage | undefined;
    for (let i = 0; i < PER_DOC && d * PER_DOC + i < n; i++) {
      const a = pick(pool);
      first ??= a;
      const sentences = a.text.split(SENTENCE_END);
      const from = Math.floor(random() * sentences.length);
      const run = sentences.slice(from, from + 1 + Math.floor(random() * 3));
      if (random() < 0.5) run.push(pick(pick(byLanguage.get(a.doc.language)!).text.split(SENTENCE_END)));
      const words = run.join(' ').split(/\s+/);
      const kept: string[] = [];
      for (let w = 0; w < words.length; w++) {
        const r = random();
        if (r < 0.03 && words.length > 4) continue;
        if (r < 0.06 && w + 1 < words.length) {
          kept.push(words[w + 1], words[w]);
          w++;
          continue;
        }
        kept.push(words[w]);
      }
      paragraphs.push(kept.join(' '));
    }
    lines.push(
      JSON.stringify({
        id: `synthetic-${n}-${d + 1}`,
        title: `Synthetic benchmark document ${d + 1} (recombined real passages)`,
        date: first!.doc.date,
        side: first!.doc.side,
        speaker: first!.doc.speaker,
        language: first!.doc.language,
        source: first!.doc.sources[0],
        text: paragraphs.join('\n\n'),
      }),
    );
  }
  return `${lines.join('\n')}\n`;
}

