// Stories of the Compare view: traditional → synergetic, on one screen.
import { test, expect } from '@playwright/test';
import { Workbench } from './pages/workbench.mjs';

test('compare the presets: changed cells marked, metrics with deltas and readings', async ({ page }) => {
  const app = new Workbench(page);
  await app.fresh();
  await app.tab('compare').click();
  await expect(page.getByTestId('compare-from')).toHaveValue('traditional');
  await expect(page.getByTestId('compare-to')).toHaveValue('synergetic');
  await expect(page.getByTestId('compare-changed')).toHaveText('13 cells differ between the two models.');
  const diff = page.getByTestId('diff-matrix');
  await expect(diff.getByTestId('diff-party-infra')).toHaveAttribute('data-change', 'added');
  await expect(diff.getByTestId('diff-party-infra')).toContainText('+ · → L');
  await expect(diff.getByTestId('diff-assoc-practice')).toHaveAttribute('data-change', 'changed');
  await expect(diff.getByTestId('diff-assoc-practice')).toContainText('~ C → A');
  await expect(diff.getByTestId('diff-assoc-practice')).toHaveAttribute('title', 'Role, Methods, Orientation, statements, source');
  await expect(diff.getByTestId('diff-gov-infra')).toHaveAttribute('data-change', 'changed');
  await expect(diff.getByTestId('diff-assoc-infra')).toHaveAttribute('data-change', 'same');
  await expect(diff.locator('[data-change=added]')).toHaveCount(7);
  await expect(diff.locator('[data-change=changed]')).toHaveCount(6);
  const participation = page.getByTestId('metric-participation');
  await expect(participation).toContainText('0.60');
  await expect(participation).toContainText('1.00');
  await expect(participation).toContainText('+0.40 improved');
  await expect(participation).toContainText('Imbalance of the governance subject structure');
  await expect(participation).toContainText('100% of the subjects hold a role.');
  await expect(page.getByTestId('metric-accountability')).toContainText('+0.00 unchanged');
  await expect(page.getByTestId('metric-orderrights')).toContainText('More emphasis on regulation, less on rights protection');
  // Both structures, side by side: the leadership layer only on the right.
  await expect(page.getByTestId('structure-from').getByTestId('node-party')).toHaveClass(/absent/);
  await expect(page.getByTestId('structure-to').getByTestId('arrow-party-gov-leads')).toHaveCount(1);
  // Reversed, the additions become removals.
  await page.getByTestId('compare-from').selectOption('synergetic');
  await page.getByTestId('compare-to').selectOption('traditional');
  await expect(diff.locator('[data-change=removed]')).toHaveCount(7);
});

test('"changes only" keeps just the subjects whose cells change', async ({ page }) => {
  const app = new Workbench(page);
  await app.fresh();
  await app.tab('compare').click();
  const rows = page.getByTestId('diff-matrix').locator('tbody tr');
  await expect(rows).toHaveCount(5);
  // Make Internet associations identical in both models: their row disappears when filtered.
  await app.tab('matrix').click();
  await app.pickModel('synergetic');
  await app.cell('assoc', 'illegal').click();
  await app.editor.getByTestId('cell-clear').click();
  await app.pickModel('traditional');
  await app.cell('assoc', 'practice').click();
  await app.editor.getByTestId('cell-clear').click();
  await app.pickModel('synergetic');
  await app.cell('assoc', 'practice').click();
  await app.editor.getByTestId('cell-clear').click();
  await app.tab('compare').click();
  await page.getByTestId('changes-only').check();
  await expect(rows).toHaveCount(4);
  await expect(page.getByTestId('diff-matrix')).not.toContainText('Internet associations');
  await page.getByTestId('changes-only').uncheck();
  await expect(rows).toHaveCount(5);
});
