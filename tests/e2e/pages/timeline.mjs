// Page objects of the Timeline and Data tabs.
import { Room } from './room.mjs';

export class TimelineTab extends Room {
  drawing(w) { return this.t('timeline-drawing', w); }
  next(w) { return this.t('timeline-next', w); }
  /** A field of a stage, "<stage>-<field>". */
  stage(spec, w) { return this.t(`stage-${spec}`, w); }
}

export class DataTab extends Room {
  chart(w) { return this.t('figure1-chart', w); }
  dataset(id, w) { return this.t(`dataset-${id}`, w); }
  /** A field of a data point, "<row>-<field>". */
  point(spec, w) { return this.t(`point-${spec}`, w); }
  addPoint(w) { return this.t('add-point', w); }
}
