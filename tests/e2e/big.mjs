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

/** FNV-1a (64 bits) of `text`'s UTF-8 bytes as 16 hex digits: the question checksum of
 *  `core::workshop::checksum` (serde_json's compact JSON is JSON.stringify's for these values). */
export function checksum(question) {
  let h = 0xcbf29ce484222325n;
  for (const b of Buffer.from(JSON.stringify(question))) h = BigInt.asUintN(64, (h ^ BigInt(b)) * 0x100000001b3n);
  return h.toString(16).padStart(16, '0');
}

/** `wb` with a blank round about all its subjects, objects and roles, and `n` answer files to
 *  it (answer k gives cell (i, j) the role `bigRole`, shifted for every third answer and cell). */
export function bigRound(wb, n) {
  const choice = (x) => ({ id: x.id, name: x.name });
  const question = {
    subjects: wb.subjects.map(choice), objects: wb.objects.map(choice),
    roles: wb.roles.map((r) => ({ id: r.id, name: r.name, letter: r.letter, colour: r.colour })), start: {},
  };
  const round = { id: 'round-bench', name: { en: 'Bench round', zh: '基准轮次' }, prompt: { en: '', zh: '' }, model: wb.models[0].id,
    anonymous: false, question, mine: null, answers: [], decisions: {} };
  const ids = ['lead', 'main', 'assist', 'supervise'];
  const files = Array.from({ length: n }, (_, k) => {
    const cells = Object.fromEntries(wb.subjects.map((s, i) => [s.id, Object.fromEntries(wb.objects.map((o, j) => [o.id,
      ids[(i + j + ((k + i * j) % 3 === 0 ? 1 : 0)) % 4]]))]));
    const answer = { id: `answer-${k}`, participant: `Participant ${k}`, submitted: '2026-11-28T10:00:00Z', cells, reasons: {} };
    const text = JSON.stringify({ format: 'cogovern.answer', version: 1, round: round.id, question: checksum(question), answer });
    return { name: `p${k}.cogovern-answer.json`, mimeType: 'application/json', buffer: Buffer.from(text) };
  });
  return { workbook: { ...wb, rounds: [round] }, files };
}
