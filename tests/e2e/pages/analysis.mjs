// Page object of the Analysis tab: metric gauges and the checklist.
import { Room } from './room.mjs';

export class AnalysisTab extends Room {
  metrics(w) { return this.t('analysis-metrics', w); }
  /** A metric's gauge card. */
  card(metric, w) { return this.t(`card-${metric}`, w); }
  /** A checklist entry of a principle. */
  check(principle, w) { return this.t(`check-${principle}`, w); }
  done(w) { return this.t('check-done', w); }
  note(w) { return this.t('check-note', w); }
  measured(w) { return this.t('measured', w); }
}
