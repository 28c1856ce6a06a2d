// Page object of the Workshop tab: starting a round, answering it, collecting answers and
// the agreement view.
import { expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { Room } from './room.mjs';

export class WorkshopTab extends Room {
  newRound(w) { return this.t('new-round', w); }
  newName(w) { return this.t('new-round-name', w); }
  newModel(w) { return this.t('new-round-model', w); }
  newStart(w) { return this.t('new-round-start', w); }
  newAnonymous(w) { return this.t('new-round-anonymous', w); }
  pick(id, w) { return this.t(`pick-${id}`, w); }
  make(w) { return this.t('new-round-make', w); }
  newVote(w) { return this.t('new-round-vote', w); }
  newDots(w) { return this.t('new-round-dots', w); }
  votesLeft(w) { return this.t('votes-left', w); }
  voteMore(step, w) { return this.t(`vote-more-${step}`, w); }
  voteLess(step, w) { return this.t(`vote-less-${step}`, w); }
  voteCount(step, w) { return this.t(`vote-count-${step}`, w); }
  round(w) { return this.t('round', w); }
  roundName(w) { return this.t('round-name', w); }
  picker(w) { return this.t('round-picker', w); }
  // Answering.
  myAnswer(w) { return this.t('my-answer', w); }
  start(w) { return this.t('answer-start', w); }
  name(w) { return this.t('answer-name', w); }
  subject(w) { return this.t('answer-subject', w); }
  next(w) { return this.t('answer-next', w); }
  progress(w) { return this.t('answer-progress', w); }
  roleOf(object, w) { return this.t(`answer-${object}-role`, w); }
  reasonOf(object, w) { return this.t(`answer-${object}-reason`, w); }
  discard(w) { return this.t('answer-discard', w); }
  // Collecting.
  answersToggle(w) { return this.t('answers-toggle', w); }
  collectInput(w) { return this.t('collect-input', w); }
  report(w) { return this.t('collect-report', w); }
  answers(w) { return this.t('answers', w); }
  answersAll(w) { return this.t('answers-all', w); }
  counted(id, w) { return this.t(`answer-counted-${id}`, w); }
  remove(id, w) { return this.t(`answer-remove-${id}`, w); }
  // Agreement.
  agreementN(w) { return this.t('agree-n', w); }
  alpha(w) { return this.t('agree-alpha', w); }
  kappa(w) { return this.t('agree-kappa', w); }
  heatmap(w) { return this.t('heatmap', w); }
  heat(subject, object, w) { return this.t(`heat-${subject}-${object}`, w); }
  detail(w) { return this.t('cell-detail', w); }
  reasons(w) { return this.t('cell-reasons', w); }
  queue(w) { return this.t('queue', w); }
  queued(subject, object, w) { return this.t(`queue-${subject}-${object}`, w); }
  discussed(w) { return this.t('decision-discussed', w); }
  decision(w) { return this.t('decision-note', w); }
  threshold(w) { return this.t('consensus-threshold', w); }
  buildConsensus(w) { return this.t('consensus-build', w); }

  /** Downloads what clicking `testid` saves: its file name and text. */
  async download(testid) {
    const [file] = await Promise.all([this.page.waitForEvent('download'), this.t(testid).click()]);
    return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
  }

  /** Chooses `role` (a role id, ':none' for "no role", '' for unanswered) for subject number
   *  `subject` (from 0, in the question's order) × `object`, with an optional reason. */
  async answer(subject, object, role, reason) {
    await this.subject().selectOption(String(subject));
    await this.roleOf(object).selectOption(role);
    if (reason !== undefined) {
      await this.reasonOf(object).fill(reason);
      await this.reasonOf(object).blur();
    }
  }

  /** Offers files (name, text) to the shown round, as if chosen in the file picker. */
  async collect(files) {
    await this.collectInput().setInputFiles(files.map(({ name, text }) => ({
      name, mimeType: 'application/json', buffer: Buffer.from(text),
    })));
    await expect(this.report()).toBeVisible();
  }
}
