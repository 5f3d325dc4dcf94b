/**
 * The ABC-XYZ matrix (SPEC §4): for each of A, B, C × X, Y, Z, N the number of clients, the sum
 * of their window value and its share of the total. Clients without an ABC class are not in it.
 *
 * Worked example: clients (A, X, 50), (A, X, 30), (B, N, 20) → AX: 2 clients, 80, 0.8;
 * BN: 1, 20, 0.2; the other ten cells 0.
 */
import { ABC_CLASSES, XYZ_CLASSES, type AbcClass, type ClientResult, type MatrixCell, type XyzClass } from './analysis.js';


export function buildMatrix(clients: readonly ClientResult[], total: number): MatrixCell[] {
  const cells = ABC_CLASSES.flatMap((abc) => XYZ_CLASSES.map((xyz) => ({ abc, xyz, clients: 0, value: 0, share: 0 })));
  for (const c of clients) {
    if (!c.abc || !c.xyz) continue;
    const cell = cells[ABC_CLASSES.indexOf(c.abc) * XYZ_CLASSES.length + XYZ_CLASSES.indexOf(c.xyz)];
    cell.clients++;
    cell.value += c.value;
  }
  for (const cell of cells) cell.share = total > 0 ? cell.value / total : 0;
  return cells;
}

/** The cell name of a client, e.g. `AX`, or `none` when it has no ABC class. */
export function cellName(abc: AbcClass | null, xyz: XyzClass | null): string {
  return abc && xyz ? abc + xyz : 'none';
}
