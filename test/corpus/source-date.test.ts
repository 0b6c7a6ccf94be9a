import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findDocument, loadCorpus } from '../../src/corpus/load.js';
import { urlDate } from '../../src/corpus/source-date.js';

const ZELENSKY = 'corpora/statements/ua-2026-01-zelensky-guarantees-and-talks.md';
const NPR_DATE = ' date: 2026-02-08 (AP via NPR;';

describe('a source URL dated far from its document', () => {
  it('reads the date news URLs carry in their path, and none from other URLs', () => {
    expect(urlDate('https://npr.org/2026/02/08/nx-s1-5705967/u-s-gave-ukraine-and-russia-june-deadline')).toBe('2026-02-08');
    expect(urlDate('https://news-pravda.com/world/2024/04/27/468894.html')).toBe('2024-04-27');
    expect(urlDate('https://larouchepub.com/pr/2022/20220329_negotiators.html')).toBe('2022-03-29');
    expect(urlDate('https://github.com/thebadely/thebadely.github.io/blob/HEAD/_posts/2026-01-24-update-peace-talks.md')).toBe('2026-01-24');
    expect(urlDate('https://tass.com/politics/1634479')).toBeUndefined();
    expect(urlDate('https://example.org/2025/02/30/impossible')).toBeUndefined();
    expect(urlDate('not a url')).toBeUndefined();
  });

  it('is a warning naming the line and the date to write, when the src line gives none (the NPR report of 8 Feb 2026 in a document of 6 Jan 2026)', () => {
    const original = readFileSync(ZELENSKY, 'utf8');
    expect(original).toContain(NPR_DATE);
    const dir = mkdtempSync(join(tmpdir(), 'src-date-'));
    try {
      const file = join(dir, 'zelensky.md');
      writeFileSync(file, original.replace(NPR_DATE, ' (AP via NPR;'));
      const corpus = loadCorpus({ corpora: [file], builtin: false });
      const warnings = corpus.issues.filter((i) => i.field === 'src date');
      expect(warnings).toEqual([
        expect.objectContaining({ severity: 'warning', line: 46, message: expect.stringContaining('dated 2026-02-08, 33 days after the document\'s date 2026-01-06') }),
      ]);
      expect(warnings[0].message).toContain('write "date: 2026-02-08" after the URL');
      // Still loaded, the passage dated by its document until the line says otherwise.
      expect(corpus.documents).toHaveLength(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('leaves the shipped corpora without such a warning, their late reports dated on their lines', () => {
    const corpus = loadCorpus({});
    expect(corpus.issues.filter((i) => i.field === 'src date')).toEqual([]);
    const zelensky = findDocument(corpus, 'ua-2026-01-zelensky-guarantees-and-talks')!;
    const npr = zelensky.segments.find((s) => s.source?.includes('npr.org'))!;
    expect(npr.date).toBe('2026-02-08');
    // The reports of Putin showing the 2022 draft to African leaders and of the 2024 Welt am Sonntag article.
    const istanbul = findDocument(corpus, 'ru-2022-03-29-istanbul')!;
    const dateOf = (host: string) => [...new Set(istanbul.segments.filter((s) => s.source?.includes(host)).map((s) => s.date))];
    expect(dateOf('breakinglatest.news')).toEqual(['2023-06-17']);
    expect(dateOf('todaynewsafrica.com')).toEqual(['2023-06-17']);
    expect(dateOf('uawire.org')).toEqual(['2024-04-27']);
    expect(dateOf('interfax.com')).toEqual([undefined]);
  });
});
