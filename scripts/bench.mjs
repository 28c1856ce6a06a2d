// Measures interaction latency on a large matrix in headless Chromium against the release
// build, and prints the figures (a measurement, not a test). Build first, then:
//   node scripts/bench.mjs [SIZE]        (default 20: a SIZE × SIZE matrix, every cell filled)
//   node scripts/bench.mjs [SIZE] drag   (drag a node of the governance network, SIZE subjects
//                                         and SIZE objects, every cell an edge)
// For each edit it times, inside the page, from the keydown to the DOM showing the change,
// and to the next animation frame after it. For a drag, from each pointer move to the next
// frame, then the drop (the one document change of the drag) to the next frame.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';

const size = Number(process.argv[2] || 20);
const mode = process.argv[3] || 'matrix';
const rounds = 60;
const port = 8300 + Math.floor(Math.random() * 500);
const server = spawn('node', ['scripts/serve-dist.mjs', 'dist', String(port)], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 500));

const wb = JSON.parse(readFileSync('public/examples/paper.cogovern.json', 'utf8'));
wb.subjects = Array.from({ length: size }, (_, i) => ({ ...wb.subjects[i % 5], id: `s${i}`, name: { en: `Subject ${i}`, zh: `主体${i}` } }));
wb.objects = Array.from({ length: size }, (_, i) => ({ ...wb.objects[i % 3], id: `o${i}`, name: { en: `Object ${i}`, zh: `客体${i}` } }));
const model = wb.models[1];
model.tiers = Object.fromEntries(wb.subjects.map((s, i) => [s.id, ['leadership', 'main', 'auxiliary', 'auxiliary'][i % 4]]));
model.cells = Object.fromEntries(wb.subjects.map((s, i) => [s.id, Object.fromEntries(wb.objects.map((o, j) => [o.id, {
  role: ['lead', 'main', 'assist', 'supervise'][(i + j) % 4], methods: ['legislation', 'ethics'].slice(0, (i + j) % 3),
  orientation: 'both', statements: [], note: '', source: '' }]))]));
wb.models = [model];

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
await page.goto(`http://127.0.0.1:${port}/`);
await page.waitForSelector('[data-testid=matrix]');
await page.getByTestId('file-input').setInputFiles({ name: 'big.cogovern.json', mimeType: 'application/json',
  buffer: Buffer.from(JSON.stringify(wb)) });
await page.waitForSelector(`[data-testid=cell-s${size - 1}-o${size - 1}]`);

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return `median ${s[Math.floor(s.length / 2)].toFixed(2)} ms, p95 ${s[Math.floor(s.length * 0.95)].toFixed(2)} ms, worst ${s[s.length - 1].toFixed(2)} ms`;
};

if (mode === 'drag') {
  await page.getByTestId('tab-diagram').click();
  await page.waitForSelector(`[data-testid=net-edge-s${size - 1}-o${size - 1}]`);
  const t = await page.evaluate(async ({ size, rounds }) => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
    const node = document.querySelector('[data-testid=net-node-s0]');
    const svg = node.closest('svg');
    const box = node.querySelector('circle').getBoundingClientRect();
    let x = box.x + box.width / 2, y = box.y + box.height / 2;
    const ev = (type, target) => target.dispatchEvent(new PointerEvent(type, { bubbles: true, clientX: x, clientY: y, button: 0, pointerId: 1, isPrimary: true }));
    await frame();
    ev('pointerdown', node);
    const out = { move: [], frame: [] };
    for (let k = 0; k < rounds * 2; k++) {
      await frame();
      x += 1; y += 0.5;
      const t0 = performance.now();
      ev('pointermove', svg);
      const t1 = performance.now();
      await frame();
      out.move.push(t1 - t0);
      out.frame.push(performance.now() - t0);
    }
    await frame();
    const d0 = performance.now();
    ev('pointerup', svg);
    out.dropSync = performance.now() - d0;
    await frame();
    out.drop = performance.now() - d0;
    out.moved = document.querySelector('[data-testid=net-node-s0]').dataset.x;
    return out;
  }, { size, rounds });
  console.log(`network ${size} subjects × ${size} objects, ${size * size} edges: ${rounds * 2} pointer moves of one node`);
  console.log(`  pointer move handled:    ${stats(t.move)}`);
  console.log(`  pointer move → next frame: ${stats(t.frame)}`);
  console.log(`  drop (one MoveNode through history and autosave): handled in ${t.dropSync.toFixed(1)} ms, next frame ${t.drop.toFixed(1)} ms; node now at x = ${t.moved}`);
  console.log('  (timing starts right after a frame; about 16.7 ms to the next frame means the move was painted in the first frame at 60 Hz)');
  await browser.close();
  server.kill();
  process.exit(0);
}

const times = await page.evaluate(async ({ size, rounds }) => {
  const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
  const out = { dom: [], frame: [] };
  for (let k = 0; k < rounds; k++) {
    const cell = document.querySelector(`[data-testid=cell-s${k % size}-o${(k * 7) % size}]`);
    const before = cell.dataset.role;
    const key = before === 'M' ? '3' : '2';
    await frame();
    const t0 = performance.now();
    cell.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    while (cell.dataset.role === before) await Promise.resolve();
    const t1 = performance.now();
    await frame();
    const t2 = performance.now();
    out.dom.push(t1 - t0);
    out.frame.push(t2 - t0);
  }
  return out;
}, { size, rounds });

console.log(`${size}×${size} matrix, ${rounds} role changes by key`);
console.log(`  keydown → DOM updated:  ${stats(times.dom)}`);
console.log(`  keydown → next frame:   ${stats(times.frame)}`);
console.log('  (timing starts right after a frame; about 16.7 ms to the next frame means the edit was painted in the first frame at 60 Hz)');
await browser.close();
server.kill();
