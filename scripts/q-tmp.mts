import { loadCorpus, findDocument } from '../src/corpus/load.js';
import { matchPlan, MemoryPassageIndex, textLookup } from '../src/provenance/index.js';
const corpus = loadCorpus({});
const index = MemoryPassageIndex.fromDocuments(corpus.documents);
const [plan, pt] = process.argv.slice(2);
const r = matchPlan(findDocument(corpus, plan)!, index, { top: 6, sourceText: textLookup(corpus.documents) });
const p = r.points.find((x) => x.point === pt)!;
console.log(JSON.stringify({ origin: p.origin, lineage: p.lineage }, null, 0));
for (const c of p.candidates) console.log(c.doc, c.passage, c.score, c.date, c.later, c.also?.passage ?? '', c.evidence.map((e) => `"${e.text}"="${e.sourceText}"`).join(' | ').slice(0, 300));
