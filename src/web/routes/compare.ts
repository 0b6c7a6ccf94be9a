// `/compare?versions=a,b,…`: plan versions in aligned columns, with word
// diffs, changed figures, relation badges and missing points shown as missing.
import type { Router } from 'express';
import { collationTable, elsewhereText, gapText, type Collation } from '../../align/index.js';
import { collation, compareView } from '../compare-view.js';
import { badRequest } from '../http-errors.js';
import { downloadLinks, sendTable } from '../download.js';
import { downloadFormat, queryString, versionList } from '../params.js';
import type { AppState } from '../state.js';
import { alignmentExport } from '../tables.js';
import { defaultComparison } from './overview.js';

export function compareRoutes(router: Router, state: AppState): void {
  router.get('/compare', (req, res) => {
    const plans = state.corpus.documents.filter((d) => d.kind === 'plan').sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
    if (req.query.versions === undefined) {
      // No versions named: the picker.
      queryString(req, 'format');
      const checked = defaultComparison(plans);
      res.render('compare', { versions: [], view: undefined, plans, checked, links: [] });
      return;
    }
    const versions = versionList(req, state.corpus);
    const format = downloadFormat(req);
    const table = queryString(req, 'table') ?? 'alignment';
    if (table !== 'alignment' && table !== 'collation') throw badRequest('The table is "alignment" or "collation".');
    if (table === 'collation' && versions.length < 3) throw badRequest('A collation needs at least three versions.');
    const view = compareView(state.corpus, versions);
    const collated = versions.length >= 3 ? collation(state.corpus, versions) : undefined;
    const ids = versions.map((v) => v.id).join(',');
    const basename = versions.map((v) => v.id).join('--');
    if (format) {
      if (table === 'collation') sendTable(res, collationTable(collated!), format, `collation-${basename}`);
      else sendTable(res, alignmentExport(view.pairs), format, `alignment-${basename}`);
      return;
    }
    res.render('compare', {
      versions,
      view,
      collation: collated && collationView(collated),
      plans,
      checked: new Set(versions.map((v) => v.id)),
      links: downloadLinks('/compare', { versions: ids }),
      collationLinks: downloadLinks('/compare', { versions: ids, table: 'collation' }),
    });
  });
}

/** The collation as the page shows it: each witness's point ids and state per row, and a short excerpt. */
function collationView(c: Collation) {
  const excerpt = (t: string) => {
    const flat = t.replace(/\s+/g, ' ').trim();
    return flat.length > 140 ? `${flat.slice(0, 139)}…` : flat;
  };
  return {
    witnesses: c.witnesses,
    rows: c.rows.map((r) => ({
      n: r.n,
      composite: r.composite?.witness,
      readings: r.readings.map((rd) => ({ witness: rd.witness, points: rd.points.join('+'), state: rd.state, stateText: gapText(rd), variant: rd.variant, excerpt: excerpt(rd.text), ...(rd.elsewhere?.length ? { where: elsewhereText(rd) } : {}) })),
    })),
  };
}
