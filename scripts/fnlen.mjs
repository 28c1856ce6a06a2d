// Prints the functions under a folder longer than a limit (brace-matched from their `fn` line)
// and exits 1 if there is any: a component a reader can hold in their head fits on a screen
// or two. Usage: node scripts/fnlen.mjs DIR [LIMIT=150]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const [dir, limit = '150'] = process.argv.slice(2);
const files = (d) => readdirSync(d).flatMap((f) => {
  const p = join(d, f);
  return statSync(p).isDirectory() ? files(p) : p.endsWith('.rs') ? [p] : [];
});
const found = [];
let longest = { n: 0 };
for (const file of files(dir)) {
  const lines = readFileSync(file, 'utf8').split('\n');
  lines.forEach((line, i) => {
    const m = line.match(/^\s*(pub(\([a-z]+\))?\s+)?(async\s+)?fn\s+(\w+)/);
    if (!m) return;
    let depth = 0, started = false, j = i;
    for (; j < lines.length; j++) {
      const s = lines[j].replace(/"(\\.|[^"\\])*"/g, '""').replace(/'(\\.|[^'\\])'/g, "''").split('//')[0];
      depth += (s.match(/{/g) || []).length - (s.match(/}/g) || []).length;
      if (s.includes('{')) started = true;
      if (started && depth <= 0) break;
      if (!started && s.trimEnd().endsWith(';')) break;
    }
    const n = j - i + 1;
    if (n > longest.n) longest = { n, where: `${file}:${i + 1} ${m[4]}` };
    if (n > Number(limit)) found.push(`${n} lines: ${file}:${i + 1} ${m[4]}`);
  });
}
console.log(`longest function under ${dir}: ${longest.n} lines (${longest.where})`);
for (const f of found) console.log(`over ${limit} lines: ${f}`);
process.exit(found.length ? 1 : 0);
