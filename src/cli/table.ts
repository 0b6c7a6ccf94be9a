// Plain-text tables for people reading a terminal. Columns are padded to their
// widest cell (capped), long cells are cut with an ellipsis.

export interface Column<T> {
  header: string;
  value: (row: T) => string | number;
  max?: number;
  align?: 'left' | 'right';
  /** Where a long cell is cut: at the end (default), or in the middle, keeping both ends (file paths). */
  cut?: 'end' | 'middle';
}

export function renderTable<T>(rows: T[], columns: Column<T>[]): string {
  const cells = rows.map((row) => columns.map((c) => clip(String(c.value(row)).replace(/\s+/g, ' '), c.max ?? 60, c.cut)));
  const widths = columns.map((c, i) => Math.max(c.header.length, ...cells.map((r) => [...r[i]].length)));
  const line = (vals: string[]) =>
    vals
      .map((v, i) => (columns[i].align === 'right' ? v.padStart(widths[i]) : v.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(columns.map((c) => c.header)), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

/** `s` in at most `max` characters (code points); `middle` keeps a third of the room for the start, the rest for the end. */
export function clip(s: string, max: number, cut: 'end' | 'middle' = 'end'): string {
  const chars = [...s];
  if (chars.length <= max) return s;
  if (cut === 'end') return `${chars.slice(0, max - 1).join('')}…`;
  const head = Math.floor((max - 1) / 3);
  return `${chars.slice(0, head).join('')}…${chars.slice(chars.length - (max - 1 - head)).join('')}`;
}
