// The shipped glossary's stemmed forms, kept in a disk cache that reads back the same maps.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cachedForms, GLOSSARY_PATH, loadGlossary, parseGlossary } from '../../src/text/glossary.js';

const source = readFileSync(GLOSSARY_PATH, 'utf8');

describe('glossary forms cache', () => {
  it('stores both sides’ forms and reads back the same maps without stemming again', () => {
    const dir = mkdtempSync(join(tmpdir(), 'forms-'));
    const built = parseGlossary(source);
    const first = parseGlossary(source, GLOSSARY_PATH, (side, build) => cachedForms(source, side, build, dir));
    expect([...first.forms.en]).toEqual([...built.forms.en]);
    expect([...first.forms.ru]).toEqual([...built.forms.ru]);
    expect(readdirSync(dir).sort().map((f) => f.replace(/[0-9a-f]{32}/, 'KEY'))).toEqual(['glossary-forms-en-KEY.json', 'glossary-forms-ru-KEY.json']);
    const again = parseGlossary(source, GLOSSARY_PATH, (side) =>
      cachedForms(source, side, () => {
        throw new Error(`${side} stemmed again`);
      }, dir),
    );
    expect([...again.forms.en]).toEqual([...built.forms.en]);
    expect([...again.forms.ru]).toEqual([...built.forms.ru]);
    // Multi-word forms come back with all their stems.
    expect([...again.forms.en.values()].flat().some((f) => f.stems.length > 1)).toBe(true);
    expect([...loadGlossary().forms.ru]).toEqual([...built.forms.ru]);
  });

  it('ignores a damaged cache file and stems the forms', () => {
    const dir = mkdtempSync(join(tmpdir(), 'forms-'));
    const built = parseGlossary(source);
    cachedForms(source, 'en', () => built.forms.en, dir);
    const [file] = readdirSync(dir);
    writeFileSync(join(dir, file), '{not json');
    expect([...cachedForms(source, 'en', () => parseGlossary(source).forms.en, dir)]).toEqual([...built.forms.en]);
  });
});
