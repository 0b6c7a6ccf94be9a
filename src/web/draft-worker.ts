// A draft-analysis worker (run by piscina, see draft-pool.ts): loads the
// server's corpora and passage index once, then analyses one draft per task.
import { workerData } from 'node:worker_threads';
import { loadCorpus } from '../corpus/load.js';
import { openPassageIndex } from '../provenance/open-index.js';
import { analyseDraft, type DraftAnalysis, type DraftJob } from './draft-analysis.js';
import { usePassageIndex } from './provenance-view.js';

const { corpora, builtin } = workerData as { corpora: string[]; builtin: boolean };
const corpus = loadCorpus({ corpora, builtin });
usePassageIndex(corpus, openPassageIndex(corpus).index);

export default function analyse(job: DraftJob): DraftAnalysis {
  return analyseDraft(corpus, job);
}
