// Page object of the Plan tab.
import { Room } from './room.mjs';

export class PlanTab extends Room {
  picker(w) { return this.t('plan-picker', w); }
  generate(w) { return this.t('plan-generate', w); }
  noPlan(w) { return this.t('no-plan', w); }
  title(w) { return this.t('plan-title', w); }
  fromTo(w) { return this.t('plan-from-to', w); }
  /** The steps of one subject's group, or "general". */
  group(key, w) { return this.t(`group-${key}`, w); }
  addStep(group, w) { return this.t(`add-step-${group}`, w); }
  step(id, w) { return this.t(`plan-step-${id}`, w); }
  stepTitle(id, w) { return this.t(`step-title-${id}`, w); }
  owner(id, w) { return this.t(`step-owner-${id}`, w); }
  priority(id, w) { return this.t(`step-priority-${id}`, w); }
  target(id, w) { return this.t(`step-target-${id}`, w); }
  status(id, w) { return this.t(`step-status-${id}`, w); }
  notes(id, w) { return this.t(`step-notes-${id}`, w); }
  up(id, w) { return this.t(`step-up-${id}`, w); }
  down(id, w) { return this.t(`step-down-${id}`, w); }
  // Dots.
  dots(id, w) { return this.t(`step-dots-${id}`, w); }
  dotMore(id, w) { return this.t(`step-dot-more-${id}`, w); }
  dotLess(id, w) { return this.t(`step-dot-less-${id}`, w); }
  ranking(w) { return this.t('vote-ranking', w); }
  sortByVotes(w) { return this.t('sort-by-votes', w); }
  /** The step ids of a group, in the order shown. */
  async order(group) {
    return this.group(group).locator('li.step').evaluateAll((els) => els.map((e) => e.dataset.testid.replace('plan-step-', '')));
  }
  exportMarkdown(w) { return this.t('export-plan-md', w); }
  exportCsv(w) { return this.t('export-plan-csv', w); }
}
