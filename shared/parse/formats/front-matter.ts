/** A YAML front matter block (`---` … `---` or `...`) opening a text, its YAML in group 1. */
export const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/;

/** Whether text opens with a YAML front matter block holding a mapping. */
export function hasFrontMatter(text: string): boolean {
  const m = FRONT_MATTER.exec(text.replace(/\r\n?/g, '\n'));
  return Boolean(m && /^\s*[\w-]+\s*:/m.test(m[1]!));
}
