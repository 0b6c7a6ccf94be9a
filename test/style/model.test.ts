// The shipped model reproduces from the shipped reference set, and the
// reference loader reports a bad index precisely.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serializeModel, trainShippedModel } from '../../scripts/train-translationese.js';
import { fitLogistic } from '../../src/style/logistic.js';
import { readModel, SHIPPED_MODEL_PATH } from '../../src/style/model-file.js';
import { loadReferenceSet, loadReferenceSets } from '../../src/style/reference-set.js';

describe('translationese model', () => {
  it('npm run train:translationese reproduces the shipped model.json byte for byte', () => {
    expect(serializeModel(trainShippedModel())).toBe(readFileSync(SHIPPED_MODEL_PATH, 'utf8'));
  });

  it('the shipped model was trained on both reference sets: 200 texts, 100 of each label, two genres', () => {
    const model = readModel();
    expect(model.training).toMatchObject({ texts: 200, translated: 100, original: 100 });
    expect(model.genres.map((g) => [g.name, g.texts])).toEqual([['statements', 80], ['un', 120]]);
    expect(model.features).toContain('future-passive');
    expect(model.features).toContain('pos-DET_NOUN');
    // Every feature of the model has a real example span for the legend, except rules that never fire in the reference sets.
    const missing = model.features.filter((f) => !model.examples[f]);
    expect(missing).toEqual(['adverb-before-object', 'fronted-predicate']);
  });

  it('loads the UN reference set with its publisher groups and years', () => {
    const un = loadReferenceSets().filter((s) => s.set === 'un');
    expect(un).toHaveLength(120);
    expect(un.filter((s) => s.label === 'translated').every((s) => s.group === 'UNGA-RUS')).toBe(true);
    expect(Math.min(...un.map((s) => s.year))).toBe(1946);
  });

  it('a model file with a wrong field is refused with the file and field named', () => {
    const dir = mkdtempSync(join(tmpdir(), 'model-'));
    const bad = { ...readModel(), coefficients: [1, 2] };
    writeFileSync(join(dir, 'model.json'), JSON.stringify(bad));
    expect(() => readModel(join(dir, 'model.json'))).toThrow(new RegExp(`model\\.json: field "coefficients" must be ${readModel().features.length} numbers`));
  });

  it('logistic regression separates an obviously separable set and is deterministic', () => {
    const x = [[-2], [-1], [-0.5], [0.5], [1], [2]];
    const y = [0, 0, 0, 1, 1, 1];
    const a = fitLogistic(x, y, 1);
    expect(a.coefficients[0]).toBeGreaterThan(1);
    expect(Math.abs(a.intercept)).toBeLessThan(1e-9);
    expect(fitLogistic(x, y, 1)).toEqual(a);
  });
});

describe('reference set loader', () => {
  it('reads every sample with its label, publisher and year', () => {
    const set = loadReferenceSet();
    expect(set).toHaveLength(80);
    const tr1 = set.find((s) => s.id === 'tr-001')!;
    expect(tr1).toMatchObject({ label: 'translated', year: 2019 });
    expect(tr1.publisher).toMatch(/kremlin/i);
  });

  it('puts every sample in a named publisher group (grouped CV never splits a publisher)', () => {
    const set = loadReferenceSet();
    const groups = new Set(set.map((s) => s.group));
    expect(groups.size).toBe(10);
    expect(set.filter((s) => s.group === 'Kremlin')).toHaveLength(29);
    // A group never holds both labels, and reposts count as their publisher.
    for (const g of groups) expect(new Set(set.filter((s) => s.group === g).map((s) => s.label)).size).toBe(1);
    expect(set.find((s) => s.id === 'or-001')!.group).toBe('US State Department');
  });

  it('names the line and field of a bad label', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ref-'));
    writeFileSync(join(dir, 'index.tsv'), 'file\tlabel\tpublisher\turl\tdate\tchars\nx.txt\ttranslatd\tP\thttps://x\t2020\t3\n');
    writeFileSync(join(dir, 'x.txt'), 'abc');
    expect(() => loadReferenceSet(dir)).toThrow(/index\.tsv:2: field "label" must be translated or original, not "translatd"/);
  });
});
