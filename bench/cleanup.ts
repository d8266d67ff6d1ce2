/** What must be stopped when the bench ends (embedded servers shared between measures). */
const cleanups: (() => Promise<void>)[] = [];

export function atBenchEnd(cleanup: () => Promise<void>): void {
  cleanups.push(cleanup);
}

export async function runBenchEnd(): Promise<void> {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
}
