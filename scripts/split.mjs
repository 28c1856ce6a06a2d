// trunk post_build step (the first): cuts the app's wasm in two, so a first visit waits for the
// matrix and the shell (~480 kB gzip) instead of everything (~745 kB); the other tabs and the
// dialogs opened by a click follow as a second part, fetched as soon as the app runs
// (src/ui/rooms.rs).
//
// trunk builds with the `split` feature (index.html), which marks the cut (`ui::rooms::rooms`)
// and makes the linker keep its relocations (build.rs). From cargo's wasm, this step then runs
//   wasm-split-cli   main part + `split_rooms.wasm` + `__wasm_split.js`, the part's loader;
//   wasm-bindgen     on the main part, under trunk's file name (`--keep-lld-exports`: the
//                    second part imports the main part's table and memory);
//   wasm-opt -Oz     on both parts (trunk's own pass is off: `data-wasm-opt="0"`),
// and replaces trunk's wasm and JS with the results. The second part and its loader get names
// made from their contents, so no cache ever mixes two builds; index.html's integrity hashes
// are written again; the page's loader starts fetching the second part next to the first when
// the address opens on another tab or carries a shared link.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('split: TRUNK_STAGING_DIR is not set (run through trunk)');
  process.exit(1);
}
/** Stops the step with `message` (the work directory is still removed). */
class Stop extends Error {}
const fail = (message) => {
  throw new Stop(message);
};
const run = (tool, args) => {
  try {
    execFileSync(tool, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (e) {
    fail(`${tool} failed: ${e.stderr?.toString().trim() || e.message}`);
  }
};
const digest = (bytes, algorithm = 'sha256') => createHash(algorithm).update(bytes).digest();
const named = (base, ext, bytes) => `${base}-${digest(bytes).toString('hex').slice(0, 16)}${ext}`;

const work = mkdtempSync(join(tmpdir(), 'cogovern-split-'));
let failed = false;
try {
  const js = readdirSync(dir).find((f) => /^cogovern-app-[0-9a-f]+\.js$/.test(f));
  if (!js) fail(`no cogovern-app-*.js in ${dir}`);
  const stem = js.slice(0, -'.js'.length);
  const profile = process.env.TRUNK_PROFILE === 'debug' ? 'debug' : 'release';
  const { target_directory: target } = JSON.parse(execFileSync('cargo', ['metadata', '--format-version', '1', '--no-deps'], { encoding: 'utf8' }));
  const input = join(target, 'wasm32-unknown-unknown', profile, 'cogovern-app.wasm');
  run('wasm-split-cli', [input, join(work, 'split'), '--out-name', stem]);
  const parts = readdirSync(join(work, 'split')).filter((f) => f.endsWith('.wasm') && f !== `${stem}.wasm`);
  if (parts.length !== 1 || parts[0] !== 'split_rooms.wasm') {
    fail(`expected one second part, split_rooms.wasm; got ${parts.join(', ') || 'none'} (was the \`split\` feature on?)`);
  }
  run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--keep-lld-exports', '--out-dir', join(work, 'bg'), '--out-name', stem, join(work, 'split', `${stem}.wasm`)]);
  // The proposals rustc's wasm32 output uses; the same list for both parts.
  const features = ['--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext', '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue'];
  run('wasm-opt', ['-Oz', ...features, join(work, 'bg', `${stem}_bg.wasm`), '-o', join(work, 'main.wasm')]);
  run('wasm-opt', ['-Oz', ...features, join(work, 'split', 'split_rooms.wasm'), '-o', join(work, 'rooms.wasm')]);

  const rooms = readFileSync(join(work, 'rooms.wasm'));
  const roomsName = named('split_rooms', '.wasm', rooms);
  const loaderJs = readFileSync(join(work, 'split', '__wasm_split.js'), 'utf8');
  if (!loaderJs.includes('"./split_rooms.wasm"')) fail('__wasm_split.js does not name ./split_rooms.wasm');
  const loader = loaderJs.replace('"./split_rooms.wasm"', JSON.stringify(`./${roomsName}`));
  const loaderName = named('__wasm_split', '.js', loader);
  const glue = readFileSync(join(work, 'bg', `${stem}.js`), 'utf8');
  // Only the import's path changes: the wasm still names its import module ./__wasm_split.js.
  const from = 'from "./__wasm_split.js"';
  if (glue.split(from).length !== 2) fail(`${stem}.js does not import ./__wasm_split.js once`);
  const main = readFileSync(join(work, 'main.wasm'));
  const mainGlue = glue.replace(from, `from ${JSON.stringify(`./${loaderName}`)}`);

  writeFileSync(join(dir, roomsName), rooms);
  writeFileSync(join(dir, loaderName), loader);
  writeFileSync(join(dir, `${stem}_bg.wasm`), main);
  writeFileSync(join(dir, js), mainGlue);

  // index.html: the new files' integrity, and trunk's inline loader (moved to a file by the
  // next step) fetching the second part early when the address asks for it.
  const sri = (bytes) => `sha384-${digest(bytes, 'sha384').toString('base64')}`;
  const htmlFile = join(dir, 'index.html');
  let html = readFileSync(htmlFile, 'utf8');
  const integrity = (file, bytes) => {
    const link = new RegExp(`(<link[^>]*href="\\./${file.replace(/[.]/g, '\\.')}"[^>]*integrity=")[^"]*(")`);
    if (!link.test(html)) fail(`index.html has no integrity for ${file}`);
    html = html.replace(link, `$1${sri(bytes)}$2`);
  };
  integrity(js, mainGlue);
  integrity(`${stem}_bg.wasm`, main);
  const early = `
// The other tabs' part (scripts/split.mjs), fetched next to the first when the address opens
// on another tab or carries a shared link; src/ui/rooms.rs fetches it anyway once running.
if (!/^#?(matrix([/].*)?)?$/.test(location.hash)) {
  const link = document.createElement('link');
  Object.assign(link, { rel: 'preload', as: 'fetch', crossOrigin: 'anonymous', href: ${JSON.stringify(`./${roomsName}`)} });
  document.head.append(link);
}
`;
  const inline = /(<script type="module"(?![^>]*\bsrc=)[^>]*>)/;
  if (!inline.test(html)) fail("index.html has no inline module loader (trunk's)");
  html = html.replace(inline, `$1${early}`);
  writeFileSync(htmlFile, html);

  const kb = (b) => `${(b.length / 1000).toFixed(0)} kB`;
  console.log(`split: main part ${kb(main)}, other tabs ${kb(rooms)} (${roomsName})`);
} catch (e) {
  console.error(`split: ${e instanceof Stop ? e.message : e.stack}`);
  failed = true;
} finally {
  rmSync(work, { recursive: true, force: true });
}
// The later steps of the hook must not run on a build that was not cut.
if (failed) process.exit(1);
