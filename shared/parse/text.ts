/** Line endings unified, trailing spaces and runs of blank lines removed: the body every offset points into. */
export function normalizeBody(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\u00a0]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Paragraphs of a normalized body with their start offsets. */
export function paragraphs(body: string): Array<{ text: string; start: number }> {
  const out: Array<{ text: string; start: number }> = [];
  const re = /[^\n](?:[^\n]|\n(?!\n))*/g;
  for (let m = re.exec(body); m; m = re.exec(body)) out.push({ text: m[0], start: m.index });
  return out;
}
