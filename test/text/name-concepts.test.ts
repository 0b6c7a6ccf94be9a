// The glossary's name-key map (a spelling the glossary does not list finds its
// row), kept in a disk cache that reads back the same map.
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGlossary, parseGlossary } from '../../src/text/glossary.js';
import { cachedNameConcepts, computeNameConcepts, nameConcepts } from '../../src/text/name-concepts.js';
import { nameKey } from '../../src/text/names.js';

describe('name concepts', () => {
  it('caches the shipped glossary’s map on disk and reads back the same map', () => {
    const dir = mkdtempSync(join(tmpdir(), 'names-'));
    const glossary = loadGlossary();
    const computed = computeNameConcepts(glossary);
    // "Lugansk" is not a glossary form, yet its name key finds the Luhansk row.
    expect(computed.get(nameKey('lugansk'))).toBeDefined();
    expect(computed.get(nameKey('lugansk'))).toBe(computed.get(nameKey('luhansk')));
    const first = nameConcepts(glossary, dir);
    expect([...first]).toEqual([...computed]);
    const files = readdirSync(dir).filter((f) => f.startsWith('name-concepts-'));
    expect(files).toHaveLength(1);
    expect(existsSync(join(dir, files[0]))).toBe(true);
    expect([...cachedNameConcepts(glossary, dir)]).toEqual([...computed]);
  });

  it('ignores a damaged cache file and computes the map', () => {
    const dir = mkdtempSync(join(tmpdir(), 'names-'));
    const glossary = loadGlossary();
    const once = cachedNameConcepts(glossary, dir);
    const [file] = readdirSync(dir);
    writeFileSync(join(dir, file), '{not json');
    expect([...cachedNameConcepts(glossary, dir)]).toEqual([...once]);
    expect([...cachedNameConcepts(glossary, dir)]).toEqual([...once]);
  });

  it('computes the map of any other glossary without a cache', () => {
    const other = parseGlossary('concept\ttype\ten\tru\tnote\nkyiv\tplace\tKyiv\tКиев\t\n');
    expect(nameConcepts(other).get(nameKey('kiev'))).toBe('kyiv');
  });
});
