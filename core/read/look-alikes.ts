/**
 * Client names that look the same but are different texts — `Сибирь` and `Cибирь` (a Latin C),
 * `ООО Вектор` and `OOO Вектор` (Latin O's), `Acme  Ltd` and `Acme Ltd` (two spaces): possible
 * duplicates that a user sees as one client in the tabs. They are listed on Data issues; they are
 * never merged (they may be two clients, and merging would change the numbers in silence).
 *
 * Two names look alike when their skeletons are equal: each letter written the same in the Latin,
 * Cyrillic and Greek alphabets replaced by its Latin twin (А→A, а→a, В→B, Е→E, е→e, К→K, М→M,
 * Н→H, О→O, о→o, Р→P, р→p, С→C, с→c, Т→T, у→y, Х→X, х→x, and the Greek capitals Α Β Ε Ζ Η Ι Κ
 * Μ Ν Ο Ρ Τ Υ Χ and ο), every run of spaces (no-break spaces too) as one space. Case is kept:
 * `ACME` and `Acme` look different.
 *
 * Example: lookAlikeGroups(['Сибирь', 'Cибирь', 'Омск']) → [[0, 1]].
 */
const TWINS: Record<string, string> = {
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', Х: 'X', У: 'Y',
  а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', у: 'y', х: 'x', і: 'i', ј: 'j', ѕ: 's', І: 'I', Ј: 'J', Ѕ: 'S',
  Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X', ο: 'o',
};
const TWIN_CODES = new Map([...Object.entries(TWINS)].map(([letter, twin]) => [letter.charCodeAt(0), twin.charCodeAt(0)]));
const SPACES = /\s+/g;

/** The name as it looks: twins in Latin, spaces collapsed. */
export function skeleton(name: string): string {
  const spaced = name.replace(SPACES, ' ');
  const codes = new Uint16Array(spaced.length);
  for (let i = 0; i < spaced.length; i++) {
    const code = spaced.charCodeAt(i);
    codes[i] = code < 0x370 ? code : (TWIN_CODES.get(code) ?? code);
  }
  return String.fromCharCode(...codes);
}

/** Indices of the names that look like another name, grouped, each group in name order. */
export function lookAlikeGroups(names: readonly string[]): number[][] {
  const bySkeleton = new Map<string, number[]>();
  names.forEach((name, i) => {
    const key = skeleton(name);
    const group = bySkeleton.get(key);
    if (group) group.push(i);
    else bySkeleton.set(key, [i]);
  });
  return [...bySkeleton.values()].filter((group) => group.length > 1);
}
