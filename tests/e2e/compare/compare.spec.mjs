// Stories of the Compare tab: traditional → synergetic, on one screen.
import { test, expect } from '@playwright/test';
import { Workbench } from '../pages/workbench.mjs';

test('compare the presets: changed cells marked, metrics with deltas and readings', async ({ page }) => {
  const app = new Workbench(page);
  await app.fresh();
  await app.tab('compare').click();
  await expect(app.compare.from()).toHaveValue('traditional');
  await expect(app.compare.to()).toHaveValue('synergetic');
  await expect(app.compare.changed()).toHaveText('13 cells differ between the two models.');
  const diff = app.compare.diffMatrix();
  await expect(app.compare.diff('party-infra', diff)).toHaveAttribute('data-change', 'added');
  await expect(app.compare.diff('party-infra', diff)).toContainText('+ · → L');
  await expect(app.compare.diff('assoc-practice', diff)).toHaveAttribute('data-change', 'changed');
  await expect(app.compare.diff('assoc-practice', diff)).toContainText('~ C → A');
  await expect(app.compare.diff('assoc-practice', diff)).toHaveAttribute('title', 'Role, Methods, Orientation, statements, source');
  await expect(app.compare.diff('gov-infra', diff)).toHaveAttribute('data-change', 'changed');
  await expect(app.compare.diff('assoc-infra', diff)).toHaveAttribute('data-change', 'same');
  await expect(diff.locator('[data-change=added]')).toHaveCount(7);
  await expect(diff.locator('[data-change=changed]')).toHaveCount(6);
  const participation = app.compare.metric('participation');
  await expect(participation).toContainText('0.60');
  await expect(participation).toContainText('1.00');
  await expect(participation).toContainText('+0.40 improved');
  await expect(participation).toContainText('Imbalance of the governance subject structure');
  await expect(participation).toContainText('100% of the subjects hold a role.');
  await expect(app.compare.metric('accountability')).toContainText('+0.00 unchanged');
  await expect(app.compare.metric('orderrights')).toContainText('More emphasis on regulation, less on rights protection');
  // Both structures, side by side: the leadership layer only on the right.
  await expect(app.diagram.node('party', app.diagram.structure('from'))).toHaveClass(/absent/);
  await expect(app.diagram.arrow('party-gov-leads', app.diagram.structure('to'))).toHaveCount(1);
  // Reversed, the additions become removals.
  await app.compare.from().selectOption('synergetic');
  await app.compare.to().selectOption('traditional');
  await expect(diff.locator('[data-change=removed]')).toHaveCount(7);
});

test('"changes only" keeps just the subjects whose cells change', async ({ page }) => {
  const app = new Workbench(page);
  await app.fresh();
  await app.tab('compare').click();
  const rows = app.compare.diffMatrix().locator('tbody tr');
  await expect(rows).toHaveCount(5);
  // Make Internet associations identical in both models: their row disappears when filtered.
  await app.tab('matrix').click();
  await app.pickModel('synergetic');
  await app.cell('assoc', 'illegal').click();
  await app.matrixTab.clearCell(app.editor).click();
  await app.pickModel('traditional');
  await app.cell('assoc', 'practice').click();
  await app.matrixTab.clearCell(app.editor).click();
  await app.pickModel('synergetic');
  await app.cell('assoc', 'practice').click();
  await app.matrixTab.clearCell(app.editor).click();
  await app.tab('compare').click();
  await app.compare.changesOnly().check();
  await expect(rows).toHaveCount(4);
  await expect(app.compare.diffMatrix()).not.toContainText('Internet associations');
  await app.compare.changesOnly().uncheck();
  await expect(rows).toHaveCount(5);
});
