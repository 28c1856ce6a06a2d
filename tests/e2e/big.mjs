// Large workbooks for stories and the benchmark: the paper's workbook grown to many subjects
// and objects, with every cell of its synergetic model filled.
import { readFileSync } from 'node:fs';

const TIERS = ['leadership', 'main', 'auxiliary', 'auxiliary'];
const ROLES = ['lead', 'main', 'assist', 'supervise'];

/** The paper's workbook with `subjects` subjects (s0, s1, …) and `objects` objects (o0, …). */
export function bigWorkbook(subjects, objects = subjects) {
  const wb = JSON.parse(readFileSync(new URL('../../public/examples/paper.cogovern.json', import.meta.url), 'utf8'));
  wb.subjects = Array.from({ length: subjects }, (_, i) => ({ ...wb.subjects[i % 5], id: `s${i}`, name: { en: `Subject ${i}`, zh: `主体${i}` } }));
  wb.objects = Array.from({ length: objects }, (_, i) => ({ ...wb.objects[i % 3], id: `o${i}`, name: { en: `Object ${i}`, zh: `客体${i}` } }));
  const model = wb.models[1];
  model.tiers = Object.fromEntries(wb.subjects.map((s, i) => [s.id, TIERS[i % 4]]));
  model.cells = Object.fromEntries(wb.subjects.map((s, i) => [s.id, Object.fromEntries(wb.objects.map((o, j) => [o.id, {
    role: ROLES[(i + j) % 4], methods: ['legislation', 'ethics'].slice(0, (i + j) % 3),
    orientation: 'both', statements: [], note: '', source: '' }]))]));
  wb.models = [model];
  return wb;
}

/** The role letter `bigWorkbook` gives the cell (subject i, object j). */
export const bigRole = (i, j) => 'LMAS'[(i + j) % 4];
