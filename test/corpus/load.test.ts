import { mkdtempSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planCoverage, pointSlots, segmentText } from '../../src/corpus/coverage.js';
import { BUILTIN_CORPUS_DIR, findDocument, loadCorpus } from '../../src/corpus/load.js';
import { parseDocumentSource, parseDraft } from '../../src/corpus/parse-document.js';

const corpus = loadCorpus();
const doc = (id: string) => {
  const d = findDocument(corpus, id);
  if (!d) throw new Error(`missing ${id}`);
  return d;
};
const ids = (id: string) => doc(id).segments.map((s) => s.id);

describe('the shipped corpora', () => {
  it('load every shared document without errors or warnings', () => {
    expect(corpus.issues).toEqual([]);
    expect(corpus.documents.map((d) => d.id).sort()).toEqual(([
      'coalition-paris-declaration-2026-01-06', 'e3-counter-2025-11-23', 'eu-2025-04-23-london-counterproposal',
      'eu-2025-10-12-point-plan', 'ru-2021-12-17-draft-nato', 'ru-2021-12-17-draft-us', 'ru-2022-03-29-istanbul',
      'ru-2024-06-14-putin-mfa', 'ru-2025-06-02-memorandum', 'ru-2025-08-anchorage', 'ru-2025-09-22-putin-new-start',
      'ru-2025-11-21-putin-plan', 'ru-2025-11-ushakov-calls', 'ru-2025-dmitriev-economy', 'ru-2025-lavrov-terms',
      'ua-2022-11-15-peace-formula', 'ua-2025-06-02-istanbul-proposals', 'ua-20-2025-12-24', 'us-2025-03-11-jeddah',
      'us-2025-09-29-gaza-plan', 'us-28-2025-11-20', 'us-28-alt-en-2025-11-21', 'us-28-alt-en-pravda-2025-11-20',
      'us-28-ru-2025-11-20', 'us-ua-19-2025-11-24',
      // Added 30 Nov 2026: January–April 2026 statements and the reported-only 2026 plan documents.
      'eu-2026-02-17-european-core-interests-paper', 'mixed-2026-01-29-kyiv-strike-pause', 'mixed-2026-02-18-geneva-round',
      'mixed-2026-02-24-g7-and-coalition-statements', 'ru-2026-01-08-zakharova-paris-declaration',
      'ru-2026-01-23-ushakov-after-witkoff-meeting', 'ru-2026-02-18-dmitriev-package', 'ru-2026-02-lavrov-20-point-plan',
      'ua-2026-01-zelensky-guarantees-and-talks', 'ua-2026-04-10-zelensky-easter-truce', 'us-2025-11-security-guarantees-draft',
      'us-2026-01-trump-witkoff-framework-and-talks', 'ua-eu-us-ceasefire-enforcement-2026-02', 'us-ua-20-revised-2026-01',
      'us-ua-eu-prosperity-framework-2026-01', 'us-ua-security-guarantees-2026-01',
    ]).sort());
  });

  it('hold every document of the shared corpora with the same front matter', () => {
    // The shipped corpora are the shared primary texts, copied verbatim, except that a source line may
    // name its passages' date (`<!-- src: URL date: YYYY-MM-DD (…) -->`) where its own words give it
    // (a file collecting statements of several days): front matter and text are untouched.
    const undated = (text: string) => text.replace(/^(\s*<!--\s*src:\s*\S+) date: \d{4}-\d{2}-\d{2}(?=\s)/gm, '$1');
    let dated = 0;
    for (const sub of ['plans', 'statements']) {
      const dir = join(import.meta.dirname, '../../../shared/corpora', sub);
      let files: string[] = [];
      try { files = readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'SOURCES.md'); } catch { continue; }
      for (const f of files) {
        const shipped = readFileSync(join(BUILTIN_CORPUS_DIR, sub, f), 'utf8');
        if (undated(shipped) !== shipped) dated++;
        expect(undated(shipped)).toBe(readFileSync(join(dir, f), 'utf8'));
      }
    }
    expect(dated).toBe(9);
  });

  it('date each passage of a collection by its source line, so a later statement is never an antecedent', () => {
    const lavrov = doc('ru-2026-02-lavrov-20-point-plan');
    const p14 = lavrov.segments.find((s) => s.id === 'p14')!;
    // The file's notes: "p14: a written statement … as quoted by Prensa Latina (11 Apr 2026)".
    expect(p14.date).toBe('2026-04-11');
    expect(lavrov.segments.find((s) => s.id === 'p1')!.date).toBeUndefined();
    expect(doc('ru-2025-11-21-putin-plan').segments.filter((s) => s.date === '2025-11-27').length).toBeGreaterThan(0);
  });

  it('keep the reported-only 2026 plan documents as versions with no text (coverage 0), their reports as segments', () => {
    for (const id of ['us-ua-20-revised-2026-01', 'us-ua-eu-prosperity-framework-2026-01', 'us-ua-security-guarantees-2026-01', 'ua-eu-us-ceasefire-enforcement-2026-02']) {
      const d = doc(id);
      expect(d.status).toBe('reported-only');
      expect(d.segments.every((s) => s.kind === 'report')).toBe(true);
      expect(planCoverage(d).complete).toEqual([]);
    }
  });

  it('segment the 28-point plan into points and unlettered sub-points', () => {
    expect(ids('us-28-2025-11-20')).toEqual([
      '1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '10.1', '10.2', '10.3', '10.4', '11', '12', '14', '14.1', '14.2',
      '20', '20.1', '21', '21.1', '21.2', '26',
    ]);
    const d = doc('us-28-2025-11-20');
    const six = d.segments.find((s) => s.id === '6')!;
    expect(segmentText(d, six)).toBe('The size of the Ukrainian Armed Forces will be limited to 600,000 personnel.');
    const ten = d.segments.find((s) => s.id === '10')!;
    expect(segmentText(d, ten)).toMatch(/^US guarantee:\n[\s\S]*without cause, the security guarantee will be deemed invalid\.$/);
    expect(d.segments.find((s) => s.id === '10.2')).toMatchObject({ kind: 'subpoint', parent: '10' });
  });

  it('follow the source letters for sub-points where present', () => {
    expect(ids('e3-counter-2025-11-23')).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '10.a', '10.b', '10.c']);
    expect(ids('us-28-alt-en-pravda-2025-11-20')).toContain('21.d');
  });

  it('mark `N. [removed]` as a removed point, not text', () => {
    const three = doc('e3-counter-2025-11-23').segments.find((s) => s.id === '3')!;
    expect(three.kind).toBe('removed');
    expect(planCoverage(doc('e3-counter-2025-11-23')).removed).toEqual(['3']);
  });

  it('report missing points as missing and partly surviving ones as partial', () => {
    const cov = planCoverage(doc('us-28-2025-11-20'));
    expect(cov.expected).toBe(28);
    expect(cov.partial).toEqual(['10', '12', '20', '21']);
    expect(cov.missing).toEqual(['13', '15', '16', '17', '18', '19', '22', '23', '24', '25', '27', '28']);
    const slots = pointSlots(doc('us-28-2025-11-20'));
    expect(slots).toHaveLength(28);
    expect(slots[12]).toEqual({ n: '13', segment: undefined, state: 'missing' });
    expect(slots[9].state).toBe('partial');
  });

  it('count a point that breaks off with an elision marker as partial: ua-20 8 and 9 end in "[...]"', () => {
    const cov = planCoverage(doc('ua-20-2025-12-24'));
    expect(cov.partial).toEqual(['8', '9', '12', '14']);
    expect(cov.complete).toHaveLength(11);
    expect(pointSlots(doc('ua-20-2025-12-24'))[7].state).toBe('partial');
  });

  it('read the elision markers of English, Russian and Ukrainian texts, and no bare ellipsis inside a sentence', () => {
    const point = (id: string, n: string) => segmentText(doc(id), doc(id).segments.find((s) => s.id === n)!);
    const partial = (list: string) => parseDraft(list, { id: 'elided' }).document!.segments.filter((s) => s.partial).map((s) => s.id);
    const en = point('us-28-2025-11-20', '2');
    const ru = point('us-28-ru-2025-11-20', '2');
    for (const mark of [' [...]', ' […]', ' (…)', ' (...)', '…', '...', ' [ … ]']) expect(partial(`1. ${en}${mark}\n2. ${en}`), mark).toEqual(['1']);
    for (const mark of [' <…>', ' <...>', ' […]', '…']) expect(partial(`1. ${ru}${mark}\n2. ${ru}`), mark).toEqual(['1']);
    // A bracketed cut inside the point, and a sub-item that trails off, make the point partial too.
    expect(partial(`1. ${ru.replace(' ', ' <…> ')}\n2. ${ru}`)).toEqual(['1']);
    expect(partial(`1. ${en}\n    - ${en}…\n    - ${en}\n2. ${en}`)).toEqual(['1']);
    // A bare ellipsis inside a sentence is the author's pause, not a cut.
    expect(partial(`1. ${en.replace(' ', '… ')}\n2. ${en}`)).toEqual([]);
  });

  it('keep a reported-only plan as reports, never as plan text', () => {
    const d = doc('us-ua-19-2025-11-24');
    expect(d.status).toBe('reported-only');
    expect(d.segments.every((s) => s.kind === 'report')).toBe(true);
    expect(ids('us-ua-19-2025-11-24')).toEqual(['r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7']);
    expect(planCoverage(d).missing).toHaveLength(19);
  });

  it('read an unnumbered opening as the preamble', () => {
    expect(ids('coalition-paris-declaration-2026-01-06')).toEqual(['pre1', 'pre2', 'pre3', 'pre4', 'pre5', '1', '2']);
  });

  it('split statements into passages with their src URLs, leaving comments and [...] out of the text', () => {
    const d = doc('ru-2025-11-ushakov-calls');
    expect(d.text).not.toContain('<!--');
    expect(d.segments[0].source).toBe('https://infowars.democraticunderground.org/?com=view_post&forum=1014&pid=3572030');
    expect(segmentText(d, d.segments[0])).toMatch(/^Steve Witkoff: Hi Yuri\./);
    expect(d.segments[1].source).toBe('https://news.bdtype.com/witkoff-advised-russia-on-how-to-pitch-ukraine-plan-to-trump-226904.html');
    for (const s of d.segments) expect(segmentText(d, s).trim()).not.toBe('[...]');
  });

  it('give offsets that round-trip for every segment of every document', () => {
    for (const d of corpus.documents) {
      for (const s of d.segments) {
        const text = d.text.slice(s.start, s.end);
        expect(text.length, `${d.id} ${s.id}`).toBeGreaterThan(0);
        expect(text, `${d.id} ${s.id}`).toBe(text.trim());
        expect(s.end).toBeLessThanOrEqual(d.text.length);
      }
    }
  });

  it('tie every segment to its line in the file', () => {
    const d = doc('us-28-2025-11-20');
    const lines = readFileSync(join(BUILTIN_CORPUS_DIR, 'plans/us-28-2025-11-20.md'), 'utf8').split('\n');
    for (const s of d.segments) expect(lines[s.line - 1]).toContain(segmentText(d, s).split('\n')[0]);
  });
});

const good = readFileSync(join(BUILTIN_CORPUS_DIR, 'plans/e3-counter-2025-11-23.md'), 'utf8');
const parse = (text: string) => parseDocumentSource(text, 'bad.md');

describe('malformed documents', () => {
  it.each([
    ['broken YAML', good.replace('side: eu', 'side: [eu'), 'front matter', /YAML syntax error/],
    ['unknown kind', good.replace('kind: plan', 'kind: manifesto'), 'kind', /kind must be one of: plan, statement, reference \(got "manifesto"\)/],
    ['unknown side', good.replace('side: eu', 'side: nato'), 'side', /side must be one of: us, ru, ua, eu/],
    ['unknown status', good.replace('translated_from:', 'status: leaked\ntranslated_from:'), 'status', /status must be one of: published, reported-only/],
    ['bad date', good.replace('date: 2025-11-23', 'date: 2025-02-30'), 'date', /not a real calendar date/],
    ['non-ISO date', good.replace('date: 2025-11-23', 'date: 23/11/2025'), 'date', /ISO date like 2025-11-20/],
    ['bad id', good.replace('id: e3-counter-2025-11-23', 'id: E3 Counter'), 'id', /lowercase letters, digits and single dashes/],
    ['bad language', good.replace('language: en', 'language: english'), 'language', /two-letter ISO 639-1 code/],
    ['bad URL', good.replace('  - https://www.straitstimes.com', '  - www.straitstimes.com'), 'sources', /http\(s\) URL/],
    ['empty body', good.slice(0, good.indexOf('\n---\n') + 5), 'body', /body is empty/],
    ['no closing fence', good.replace(/\n---\n1\./, '\n1.'), 'front matter', /YAML syntax error|not closed/],
    // Values that read right but hold a character a reader cannot see or tell apart: the message names it.
    ['invisible character in a value', good.replace('language: en', 'language: "en\u200b"'), 'language', /\(got "en\\u200b"; U\+200B is an invisible character\)/],
    ['Cyrillic letter in an id', good.replace('id: e3-counter-2025-11-23', 'id: e3-\u0441ounter-2025-11-23'), 'id', /"с" \(U\+0441\) is a Cyrillic letter/],
    ['non-breaking hyphens in a date', good.replace('date: 2025-11-23', 'date: "2025\u201111\u201123"'), 'date', /"‑" \(U\+2011\) is a dash, not the hyphen-minus "-"/],
    ['no-break space in a side', good.replace('side: eu', 'side: "eu\u00a0"'), 'side', /U\+00A0 is a space-like character, not a space/],
  ])('%s names the file, line and field', (_name, text, field, message) => {
    const { document, issues } = parse(text);
    expect(document).toBeUndefined();
    const error = issues.find((i) => i.severity === 'error')!;
    expect(error).toMatchObject({ file: 'bad.md', field });
    expect(error.line).toBeGreaterThan(0);
    expect(error.message).toMatch(message);
  });

  it('locates a bad field on its own line', () => {
    const { issues } = parse(good.replace('side: eu', 'side: nato'));
    expect(issues[0].line).toBe(good.split('\n').findIndex((l) => l.startsWith('side:')) + 1);
  });

  it('refuses a point numbered twice, naming both lines', () => {
    const { issues } = parse(good.replace('5. Ukraine will receive', '4. Ukraine will receive'));
    expect(issues[0].message).toMatch(/point 4 appears twice \(first on line \d+\)/);
  });

  it('warns when the text is not in the declared language', () => {
    const ru = readFileSync(join(BUILTIN_CORPUS_DIR, 'plans/us-28-ru-2025-11-20.md'), 'utf8');
    const { document, issues } = parse(ru.replace('language: ru', 'language: en'));
    expect(document).toBeDefined();
    expect(issues).toEqual([expect.objectContaining({ severity: 'warning', field: 'language', message: expect.stringMatching(/us-28-ru-2025-11-20: declared language "en" but the text reads as "ru"/) })]);
  });

  it('keeps loading the rest of a folder when one file is bad, and flags duplicate ids', () => {
    const dir = mkdtempSync(join(tmpdir(), 'corpus-'));
    writeFileSync(join(dir, 'a-good.md'), good.replace('id: e3-counter-2025-11-23', 'id: my-e3'));
    writeFileSync(join(dir, 'b-bad.md'), good.replace('kind: plan', 'kind: manifesto'));
    writeFileSync(join(dir, 'c-dup.md'), good); // same id as the shipped file
    const c = loadCorpus({ corpora: [dir] });
    expect(c.documents).toHaveLength(corpus.documents.length + 1);
    expect(findDocument(c, 'my-e3')).toBeDefined();
    expect(findDocument(c, 'e3-counter-2025-11-23')!.builtin).toBe(true);
    const errors = c.issues.filter((i) => i.severity === 'error');
    expect(errors.map((e) => [e.file.split('/').pop(), e.field])).toEqual([['b-bad.md', 'kind'], ['c-dup.md', 'id']]);
    expect(errors[1].message).toMatch(/duplicate id "e3-counter-2025-11-23" \(already used by corpora\/plans\/e3-counter-2025-11-23\.md\)/);
  });

  it('--no-builtin drops the shipped folder, --corpus adds one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'corpus-'));
    mkdirSync(join(dir, 'nested'));
    writeFileSync(join(dir, 'nested', 'x.md'), good.replace('id: e3-counter-2025-11-23', 'id: my-e3'));
    const c = loadCorpus({ corpora: [dir], builtin: false });
    expect(c.documents.map((d) => d.id)).toEqual(['my-e3']);
    expect(c.issues).toEqual([]);
  });

  it('names a --corpus path that does not exist', () => {
    const c = loadCorpus({ corpora: ['/nonexistent/folder'], builtin: false });
    expect(c.issues[0]).toMatchObject({ severity: 'error', field: 'corpus', message: expect.stringMatching(/no such file or folder/) });
  });
});

describe('a user draft without front matter', () => {
  it('is read as a plan of numbered points', () => {
    const d = doc('us-28-2025-11-20');
    const list = ['1', '5', '6'].map((n) => `${n}. ${segmentText(d, d.segments.find((s) => s.id === n)!)}`).join('\n');
    const { document, issues } = parseDraft(list, { id: 'draft' });
    expect(issues).toEqual([]);
    expect(document!.segments.map((s) => s.id)).toEqual(['1', '5', '6']);
    expect(document!.side).toBe('unknown');
  });

  it('without numbers is refused with a hint', () => {
    const { document, issues } = parseDraft('Just some prose.\n\nMore prose.', { id: 'draft' });
    expect(document).toBeUndefined();
    expect(issues[0].message).toMatch(/no numbered points found/);
  });
});

describe('a passage date on a source line', () => {
  const statement = (srcLine: string) =>
    ['---', 'id: dated-test', 'kind: statement', 'title: "T"', 'side: ru', 'speaker: S', 'date: 2025-12-11', 'language: en', 'sources:', '  - https://example.org/a', '---', 'First passage.', '', srcLine, 'Second passage.', ''].join('\n');
  it('dates the passages after it', () => {
    const { document, issues } = parseDocumentSource(statement('<!-- src: https://example.org/b date: 2026-04-11 (Prensa Latina, 11 Apr 2026) -->'), 'dated.md');
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(document!.segments.map((s) => [s.id, s.source, s.date])).toEqual([['p1', undefined, undefined], ['p2', 'https://example.org/b', '2026-04-11']]);
  });
  it('refuses a date that is not a real day, naming the line and what to write', () => {
    const { document, issues } = parseDocumentSource(statement('<!-- src: https://example.org/b date: 2026-02-30 -->'), 'dated.md');
    expect(document).toBeUndefined();
    expect(issues[0]).toMatchObject({ severity: 'error', file: 'dated.md', line: 15, field: 'src date' });
    expect(issues[0].message).toMatch(/date: YYYY-MM-DD/);
  });
});
