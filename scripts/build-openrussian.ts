// npm run build:openrussian — derive data/lexicon/openrussian-ru-en.json from
// the OpenRussian dictionary export (github.com/Badestrand/russian-dictionary,
// commit 64259e4b50c565214c37eef9fd57fb5d4fb132cb; CC BY-SA 4.0), a copy of
// which sits in ../shared/lexicon/openrussian. Kept: Russian bare form (ё→е)
// → English glosses: the first gloss of each part-of-speech file, plus every
// gloss of others.csv (the only file that lists them all). The output is a
// derived work under CC BY-SA 4.0 (data/lexicon/LICENSE-openrussian, NOTICE).
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

const dir = process.argv[2] ?? '../shared/lexicon/openrussian';
const out = 'data/lexicon/openrussian-ru-en.json';
const entries = new Map<string, Set<string>>();
const add = (ru: string, en: string) => {
  const key = ru.trim().toLowerCase().replace(/ё/g, 'е');
  const gloss = en.trim();
  if (!key || !gloss || !/^\p{Script=Cyrillic}[\p{Script=Cyrillic}\- ]*$/u.test(key)) return;
  const set = entries.get(key) ?? new Set<string>();
  set.add(gloss);
  entries.set(key, set);
};
for (const f of ['nouns', 'verbs', 'adjectives', 'others']) {
  const data = JSON.parse(readFileSync(`${dir}/${f}.csv-russian_to_en.json`, 'utf8')) as Record<string, string>;
  for (const [ru, en] of Object.entries(data)) add(ru, en);
}
const rows = parse(readFileSync(`${dir}/others.csv`, 'utf8'), { delimiter: '\t', columns: true, relax_quotes: true, relax_column_count: true, quote: false, skip_empty_lines: true }) as Record<string, string>[];
for (const r of rows) for (const g of (r.translations_en ?? '').split(/[;,]/)) add(r.bare ?? '', g);
const sorted = Object.fromEntries([...entries.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => [k, [...v]]));
writeFileSync(
  out,
  `${JSON.stringify({
    source: 'OpenRussian dictionary export, https://github.com/Badestrand/russian-dictionary commit 64259e4b50c565214c37eef9fd57fb5d4fb132cb',
    licence: 'CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/); see data/lexicon/LICENSE-openrussian and NOTICE',
    changes: 'Russian forms lower-cased with ё folded to е; English glosses kept verbatim; German dropped',
    entries: sorted,
  })}\n`,
);
console.log(`${out}: ${entries.size} Russian headwords`);
