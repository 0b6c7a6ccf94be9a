// `/compare?versions=a,b,…`: plan versions in aligned columns, with word
// diffs, changed figures, relation badges and missing points shown as missing.
import type { Router } from 'express';
import { compareView } from '../compare-view.js';
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
    const view = compareView(state.corpus, versions);
    const ids = versions.map((v) => v.id).join(',');
    if (format) {
      sendTable(res, alignmentExport(view.pairs), format, `alignment-${versions.map((v) => v.id).join('--')}`);
      return;
    }
    res.render('compare', { versions, view, plans, checked: new Set(versions.map((v) => v.id)), links: downloadLinks('/compare', { versions: ids }) });
  });
}
