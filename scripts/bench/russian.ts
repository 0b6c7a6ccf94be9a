// Russian text layer speed (not a test: prints figures, asserts nothing).
//   npx tsx scripts/bench/russian.ts
// - start-up: the Russian analyser (az + OpenCorpora dictionaries) and each
//   lexicon layer, each in a fresh child process (median of 3);
// - lemmatising the Russian witness of the 28 points, cold (each distinct word
//   analysed once) and warm (the per-word cache), in tokens per second.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { findDocument, loadCorpus } from '../../src/corpus/load.js';
import { lexTokens } from '../../src/text/lex.js';
import { initMorphology } from '../../src/text/morph.js';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const self = fileURLToPath(import.meta.url);

if (process.argv[2] === '--child') {
  const what = process.argv[3];
  const t0 = performance.now();
  if (what === 'morph') initMorphology();
  else {
    const { buildLexicon } = await import('../../src/text/lexicon/index.js');
    initMorphology();
    const t1 = performance.now();
    buildLexicon([what as 'glossary']);
    process.stdout.write(String(performance.now() - t1));
    process.exit(0);
  }
  process.stdout.write(String(performance.now() - t0));
  process.exit(0);
}

const child = (what: string) => median([0, 1, 2].map(() => Number(spawnSync(process.execPath, ['--import', 'tsx', self, '--child', what], { encoding: 'utf8' }).stdout)));
console.log(`Russian analyser start-up (az, OpenCorpora): ${child('morph').toFixed(0)} ms`);
for (const layer of ['glossary', 'learned', 'openrussian', 'mueller7']) console.log(`lexicon layer ${layer}: ${child(layer).toFixed(0)} ms`);

const ru = findDocument(loadCorpus({}), 'us-28-ru-2025-11-20')!;
initMorphology();
let t = performance.now();
const n = lexTokens(ru.text, 'ru').length;
const cold = performance.now() - t;
const warm = median([0, 1, 2, 3, 4].map(() => {
  t = performance.now();
  lexTokens(ru.text, 'ru');
  return performance.now() - t;
}));
console.log(`lemmatising us-28-ru (${n} tokens): cold ${cold.toFixed(1)} ms (${((n / cold) * 1000).toFixed(0)} tokens/s), warm ${warm.toFixed(1)} ms (${((n / warm) * 1000).toFixed(0)} tokens/s)`);
