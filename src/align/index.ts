// Version alignment: pairwise point alignment with word diffs, and
// multi-witness collation. Pure functions over corpus documents; the CLI and
// the web view (/compare) render what these return.
import type { Document } from '../corpus/types.js';
import { alignPair, type PairAlignment } from './align.js';
import { allPairs, collate, type Collation } from './collate.js';

export { alignPair, similarityMatrix, pairLinks, type AlignedPair, type PairAlignment, type PairLink, type Relation } from './align.js';
export { collate, type Collation, type CollationRow, type Reading } from './collate.js';
export { wordDiff, changedFiguresAndEntities, MAX_EDIT_LENGTH, DIFF_TIMEOUT_MS, type DiffPart, type Change } from './diff.js';
export { alignmentTable, collationTable, gapText, diffText, changesText, pairChangesText, elsewhereText, flattenPairs, pairCells, PAIR_COLUMNS } from './tables.js';
export { toTei, escapeXml } from './tei.js';
export { DEFAULT_PARAMS, type AssignParams } from './assign.js';
export { MAX_TOKENS_PER_POINT } from './profile.js';

export interface Alignment {
  versions: string[];
  /** The pair alignment of the first two versions (the DESIGN.md `align` shape). */
  pairs: PairAlignment['pairs'];
  /** Every pair of versions (i < j); one entry when there are two. */
  alignments: PairAlignment[];
  /** The collation of all versions (also present for two). */
  collation: Collation;
}

/** Most versions `alignDocuments` accepts: every pair is aligned, so cost grows with the square. */
export const MAX_VERSIONS = 12;

/**
 * Align two or more versions of a plan: every pair (not only against the
 * first), plus the collation with one row per unit and a composite reading.
 * Throws a RangeError for fewer than 2 or more than MAX_VERSIONS documents.
 *
 * @example alignDocuments([us28, e3]).pairs  // [{ a: '6', b: '6', relation: 'reworded', … }]
 */
export function alignDocuments(docs: Document[]): Alignment {
  if (docs.length < 2) throw new RangeError('alignment needs at least two versions');
  if (docs.length > MAX_VERSIONS) throw new RangeError(`at most ${MAX_VERSIONS} versions can be aligned at once`);
  const alignments = docs.length === 2 ? [alignPair(docs[0], docs[1])] : allPairs(docs);
  return { versions: docs.map((d) => d.id), pairs: alignments[0].pairs, alignments, collation: collate(docs, alignments) };
}
