// Page object of the Compare tab.
import { Room } from './room.mjs';

export class CompareTab extends Room {
  from(w) { return this.t('compare-from', w); }
  to(w) { return this.t('compare-to', w); }
  changed(w) { return this.t('compare-changed', w); }
  changesOnly(w) { return this.t('changes-only', w); }
  diffMatrix(w) { return this.t('diff-matrix', w); }
  /** A cell of the diff matrix, "<subject>-<object>". */
  diff(spec, w) { return this.t(`diff-${spec}`, w); }
  /** A metric's row of the before/after table. */
  metric(id, w) { return this.t(`metric-${id}`, w); }
  makePlan(w) { return this.t('compare-make-plan', w); }
}
