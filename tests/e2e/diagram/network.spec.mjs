// Stories of the governance network: subjects, objects and an edge for every matrix cell; and
// the print sheet of a model.
import { test, expect } from '@playwright/test';
import { Workbench } from '../pages/workbench.mjs';

async function openNetwork(app, model = 'synergetic') {
  await app.pickModel(model);
  await app.tab('diagram').click();
  const net = app.network.figure();
  await expect(app.network.node('gov', net)).toHaveCount(1);
  return net;
}

async function centre(locator) {
  await locator.scrollIntoViewIfNeeded();
  const box = await locator.locator('circle').boundingBox();
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

test('a change in the matrix changes the style of its edge in the network', async ({ page }) => {
  const app = new Workbench(page);
  await app.fresh();
  const net = await openNetwork(app);
  const edge = app.network.edge('net-illegal', net);
  await expect(edge).toHaveAttribute('data-style', 'supervises');
  await expect(edge).toHaveAttribute('aria-label', 'Netizens → Illegal speech and behaviour: Supervises');
  await expect(app.network.mark('morals', edge)).toHaveCount(1);
  await expect(app.network.mark('law', edge)).toHaveCount(0);
  // No edge where the matrix has no cell.
  await expect(app.network.edge('net-infra', net)).toHaveCount(0);
  const radius = async () => Number(await app.network.node('net', net).locator('circle').getAttribute('r'));
  const before = await radius();
  await app.tab('matrix').click();
  await app.cell('net', 'illegal').click();
  await app.role('main').click();
  await app.cell('net', 'infra').click();
  await app.role('assist').click();
  await app.tab('diagram').click();
  await expect(edge).toHaveAttribute('data-style', 'main');
  await expect(app.network.edge('net-infra', net)).toHaveAttribute('data-style', 'assists');
  // Node size follows the weighted responsibility: netizens grew.
  expect(await radius()).toBeGreaterThan(before);
  expect(app.errors).toEqual([]);
});

test('a dragged node stays where it was put after a reload, and one undo puts it back', async ({ page }) => {
  const app = new Workbench(page);
  await app.fresh();
  let net = await openNetwork(app);
  const node = app.network.node('net', net);
  const x0 = Number(await node.getAttribute('data-x'));
  const y0 = Number(await node.getAttribute('data-y'));
  const from = await centre(node);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(from.x + 12 * i, from.y + 6 * i);
  await page.mouse.up();
  // The live drag and the saved position agree, and the card did not open (it was a drag).
  await expect(node).not.toHaveAttribute('data-x', String(x0.toFixed(1)));
  await expect(app.network.card()).toHaveCount(0);
  const x1 = await node.getAttribute('data-x');
  const y1 = await node.getAttribute('data-y');
  expect(Number(x1)).toBeGreaterThan(x0 + 50);
  expect(Number(y1)).toBeGreaterThan(y0 + 25);
  // Put down (a frame after the drop): the drawing shows the node and its lines at the new
  // place, pinned, and the drag's overlay is empty.
  await expect(node).toHaveClass(/pinned/);
  await expect(node).not.toHaveClass(/lifted/);
  await expect(app.network.edge('net-illegal', net)).not.toHaveClass(/lifted/);
  await expect(net.locator('svg.overlay *')).toHaveCount(0);
  const stroke = app.network.edge('net-illegal', net).locator('line.stroke');
  const r = Number(await node.locator('circle').getAttribute('r'));
  const gap = Math.hypot(Number(await stroke.getAttribute('x1')) - Number(x1), Number(await stroke.getAttribute('y1')) - Number(y1));
  expect(Math.abs(gap - r)).toBeLessThan(1);
  await app.waitSaved((t) => JSON.parse(t).models.find((m) => m.id === 'synergetic').layout.net !== undefined);
  await page.reload();
  net = await openNetwork(app);
  await expect(app.network.node('net', net)).toHaveAttribute('data-x', x1);
  await expect(app.network.node('net', net)).toHaveAttribute('data-y', y1);
  // The edges follow the node.
  const line = app.network.edge('net-illegal', net).locator('line.stroke');
  expect(Math.abs(Number(await line.getAttribute('x1')) - Number(x1))).toBeLessThan(40);
  // One drag is one undo step (the drag happened before the reload, so drag again).
  const again = await centre(app.network.node('net', net));
  await page.mouse.move(again.x, again.y);
  await page.mouse.down();
  for (let i = 1; i <= 8; i++) await page.mouse.move(again.x - 10 * i, again.y);
  await page.mouse.up();
  await expect(app.network.node('net', net)).not.toHaveAttribute('data-x', x1);
  await expect(app.undoButton).toHaveAttribute('title', /move Netizens in the diagram/);
  await app.undoButton.click();
  await expect(app.network.node('net', net)).toHaveAttribute('data-x', x1);
  await expect(app.network.node('net', net)).toHaveAttribute('data-y', y1);
  // Automatic layout returns every node to its computed place, as one more undoable step.
  await app.network.autoLayout(net).click();
  await expect(app.network.node('net', net)).toHaveAttribute('data-x', x0.toFixed(1));
  await expect(app.network.autoLayout(net)).toBeDisabled();
  await page.keyboard.press('Control+z');
  await expect(app.network.node('net', net)).toHaveAttribute('data-x', x1);
  expect(app.errors).toEqual([]);
});

test('a node pressed again the moment it is dropped goes on from where it was dropped', async ({ page }) => {
  const app = new Workbench(page);
  await app.fresh();
  const net = await openNetwork(app);
  const node = app.network.node('net', net);
  const x0 = Number(await node.getAttribute('data-x'));
  const from = await centre(node);
  // Drop, press and drag again within one task: before the drawing under the drag's overlay
  // has caught up with the drop.
  await page.evaluate(({ x, y }) => {
    const node = document.querySelector('[data-testid=net-node-net]');
    const svg = node.closest('svg');
    const ev = (type, target, dx) => target.dispatchEvent(new PointerEvent(type, { bubbles: true, clientX: x + dx, clientY: y, button: 0, pointerId: 1, isPrimary: true }));
    ev('pointerdown', node, 0);
    for (const dx of [20, 40, 60, 80]) ev('pointermove', svg, dx);
    ev('pointerup', svg, 80);
    ev('pointerdown', node, 80);
    for (const dx of [100, 120, 140, 160]) ev('pointermove', svg, dx);
    ev('pointerup', svg, 160);
  }, from);
  await expect(node).not.toHaveClass(/lifted/);
  const k = (await centre(node)).x - from.x;
  // Both drags count: 160 px to the right, not 80 from where the node was before.
  expect(k).toBeGreaterThan(150);
  expect(k).toBeLessThan(170);
  expect(Number(await node.getAttribute('data-x'))).toBeGreaterThan(x0);
  expect(app.errors).toEqual([]);
});

test('clicking an edge opens the editor of its cell, and the edit shows at once', async ({ page }) => {
  const app = new Workbench(page);
  await app.fresh();
  const net = await openNetwork(app);
  await app.network.edge('ent-infra', net).locator('line.hit').click();
  const editor = app.editor;
  await expect(editor).toContainText('Internet enterprises');
  await expect(app.matrixTab.role('assist', editor)).toHaveAttribute('aria-checked', 'true');
  await app.matrixTab.role('supervise', editor).click();
  await expect(app.network.edge('ent-infra', net)).toHaveAttribute('data-style', 'supervises');
  await app.matrixTab.method('legislation', editor).check();
  await expect(app.network.mark('law', app.network.edge('ent-infra', net))).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(editor).toHaveCount(0);
  await expect(app.network.node('ent', net)).toBeFocused();
  // The matrix says the same.
  await app.tab('matrix').click();
  await expect(app.cell('ent', 'infra')).toHaveAttribute('data-role', 'S');
});

test('keyboard: Tab reaches the nodes, arrows move one, Enter opens it and its cells', async ({ page }) => {
  const app = new Workbench(page);
  await app.fresh();
  const net = await openNetwork(app);
  // The disabled "automatic layout" is skipped: the first node follows "fit to view".
  await app.network.fit(net).focus();
  await page.keyboard.press('Tab');
  await expect(app.network.node('party', net)).toBeFocused();
  // Focus highlights the node's edges and dims the others.
  await expect(app.network.edge('party-infra', net)).toHaveClass(/hot/);
  await expect(app.network.edge('gov-infra', net)).not.toHaveClass(/hot/);
  await page.keyboard.press('Tab');
  const gov = app.network.node('gov', net);
  await expect(gov).toBeFocused();
  const y0 = Number(await gov.getAttribute('data-y'));
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  await expect(gov).toHaveAttribute('data-y', (y0 + 120).toFixed(1));
  await expect(gov).toBeFocused();
  await page.keyboard.press('Enter');
  const card = app.network.card();
  await expect(card).toContainText('Governments');
  await expect(app.network.cardCell('gov-illegal', card)).toContainText('Main responsibility');
  await app.network.cardCell('gov-illegal', card).click();
  await expect(app.editor).toContainText('Governments');
  await app.matrixTab.closeEditor().click();
  await app.network.unpin(card).click();
  await expect(gov).toHaveAttribute('data-y', y0.toFixed(1));
  await app.network.closeCard(card).click();
  await expect(gov).toBeFocused();
});

test('zoom and pan change the view, not the model; fit brings everything back', async ({ page }) => {
  const app = new Workbench(page);
  await app.fresh();
  const net = await openNetwork(app);
  const svg = net.locator('svg[data-export]');
  const fitted = await svg.getAttribute('viewBox');
  await app.network.zoomIn(net).click();
  const zoomed = await svg.getAttribute('viewBox');
  expect(Number(zoomed.split(' ')[2])).toBeLessThan(Number(fitted.split(' ')[2]));
  // Pan by dragging the background.
  const box = await svg.boundingBox();
  await page.mouse.move(box.x + 10, box.y + 10);
  await page.mouse.down();
  await page.mouse.move(box.x + 110, box.y + 60, { steps: 5 });
  await page.mouse.up();
  const panned = await svg.getAttribute('viewBox');
  expect(Number(panned.split(' ')[0])).toBeLessThan(Number(zoomed.split(' ')[0]));
  // Wheel zooms around the pointer.
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, 300);
  expect(Number((await svg.getAttribute('viewBox')).split(' ')[2])).toBeGreaterThan(Number(panned.split(' ')[2]));
  await expect(app.undoButton).toBeDisabled();
  // Zoomed far in, a node reached with Tab is brought into view.
  for (let i = 0; i < 6; i++) await app.network.zoomIn(net).click();
  await app.network.node('net', net).focus();
  const vb = (await svg.getAttribute('viewBox')).split(' ').map(Number);
  const nx = Number(await app.network.node('net', net).getAttribute('data-x'));
  const ny = Number(await app.network.node('net', net).getAttribute('data-y'));
  expect(nx).toBeGreaterThanOrEqual(vb[0]);
  expect(nx).toBeLessThanOrEqual(vb[0] + vb[2]);
  expect(ny).toBeGreaterThanOrEqual(vb[1]);
  expect(ny).toBeLessThanOrEqual(vb[1] + vb[3]);
  await app.network.fit(net).click();
  await expect(svg).toHaveAttribute('viewBox', fitted);
});

test('the network exports as SVG with its line styles, in Chinese', async ({ page }) => {
  const app = new Workbench(page);
  await app.fresh();
  await app.language('zh-CN');
  const net = await openNetwork(app);
  await expect(net).toContainText('谁治理什么');
  const { readFileSync } = await import('node:fs');
  const [download] = await Promise.all([page.waitForEvent('download'), app.diagram.exportSvg('network', net).click()]);
  expect(download.suggestedFilename()).toMatch(/-network\.svg$/);
  const svg = readFileSync(await download.path(), 'utf8');
  const text = await page.evaluate((t) => {
    const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
    return doc.querySelector('parsererror') ? null : doc.documentElement.textContent;
  }, svg);
  for (const name of ['党委', '政府', '互联网企业', '网民', '违法言行']) expect(text).toContain(name);
  expect(svg).toMatch(/stroke-dasharray="2(px)?,? 5(px)?"/);
  const [png] = await Promise.all([page.waitForEvent('download'), app.diagram.exportPng('network', net).click()]);
  expect(readFileSync(await png.path()).subarray(1, 4).toString()).toBe('PNG');
});

test('a model prints as its matrix, structure and network on A4 pages', async ({ page }) => {
  const app = new Workbench(page);
  await app.fresh();
  await openNetwork(app);
  await app.diagram.printModel().click();
  const sheet = app.diagram.printSheet();
  await expect(app.diagram.printMatrix(sheet)).toContainText('Main responsibility; Law enforcement, Legislation; order and rights');
  await expect(app.diagram.structure('print', sheet).locator('svg[data-export]')).toHaveCount(1);
  await expect(app.network.edge('net-illegal', app.network.figure(sheet))).toHaveCount(1);
  await page.emulateMedia({ media: 'print' });
  await expect(app.diagram.printNow(sheet)).toBeHidden();
  await expect(page.locator('.tabs')).toBeHidden();
  await expect(app.network.zoomIn(sheet)).toBeHidden();
  const breaks = await sheet.locator('.sheet-page').evaluateAll((els) => els.map((e) => getComputedStyle(e).breakAfter));
  expect(breaks).toEqual(['page', 'page', 'auto']);
  const size = await page.evaluate(() => [...document.styleSheets].flatMap((s) => [...s.cssRules])
    .find((r) => r instanceof CSSPageRule)?.style.getPropertyValue('size'));
  expect(size.toLowerCase()).toBe('a4');
  await page.emulateMedia({ media: 'screen' });
  await app.diagram.closePrint(sheet).click();
  await expect(app.diagram.printSheet()).toHaveCount(0);
  await expect(app.diagram.structure('main')).toBeVisible();
});
