// Page objects of the Diagram tab: the structure diagram, the governance network and the print
// sheet.
import { Room } from './room.mjs';

export class DiagramTab extends Room {
  /** A structure diagram: `main` on this tab, `from`/`to` in Compare, `print` on the sheet. */
  structure(uid, w) { return this.t(`structure-${uid}`, w); }
  node(id, w) { return this.t(`node-${id}`, w); }
  /** An arrow "<from>-<to>-<relation>". */
  arrow(spec, w) { return this.t(`arrow-${spec}`, w); }
  subjectCard(w) { return this.t('subject-card', w); }
  closeSubjectCard(w) { return this.t('subject-card-close', w); }
  exportSvg(uid, w) { return this.t(`export-svg-${uid}`, w); }
  exportPng(uid, w) { return this.t(`export-png-${uid}`, w); }
  printModel(w) { return this.t('print-model', w); }
  printSheet(w) { return this.t('print-sheet', w); }
  printMatrix(w) { return this.t('print-matrix', w); }
  printNow(w) { return this.t('print-now', w); }
  closePrint(w) { return this.t('print-close', w); }
}

export class NetworkView extends Room {
  figure(w) { return this.t('network', w); }
  node(id, w) { return this.t(`net-node-${id}`, w); }
  /** The edge of a cell, "<subject>-<object>". */
  edge(spec, w) { return this.t(`net-edge-${spec}`, w); }
  /** The law or morals mark of an edge. */
  mark(kind, w) { return this.t(`mark-${kind}`, w); }
  card(w) { return this.t('node-card', w); }
  closeCard(w) { return this.t('node-card-close', w); }
  /** A cell listed on a node's card, "<subject>-<object>". */
  cardCell(spec, w) { return this.t(`node-cell-${spec}`, w); }
  unpin(w) { return this.t('node-unpin', w); }
  zoomIn(w) { return this.t('zoom-in', w); }
  zoomOut(w) { return this.t('zoom-out', w); }
  fit(w) { return this.t('zoom-fit', w); }
  autoLayout(w) { return this.t('auto-layout', w); }
}
