/**
 * Reads a V8 .cpuprofile (what `node --cpu-prof` writes) and ranks functions by self time: where the
 * process actually spent its samples, not where it was called from.
 */
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
}

export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface Hotspot {
  name: string;
  location: string;
  selfMs: number;
  percent: number;
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Not work of the profiled code: the process waiting. */
const IDLE = new Set(['(idle)']);

function where(frame: CallFrame): string {
  if (!frame.url) return '';
  const path = frame.url.startsWith('file://') ? fileURLToPath(frame.url) : frame.url;
  const shown = path.startsWith(ROOT) ? relative(ROOT, path) : path;
  // tsx compiles TypeScript on the fly and the profile's line numbers are the compiled ones: name the file only.
  return path.endsWith('.ts') ? shown : `${shown}:${frame.lineNumber + 1}`;
}

function selfTimes(profile: CpuProfile): Map<string, Hotspot> {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const spots = new Map<string, Hotspot>();
  // Sample i lasts until sample i+1: its duration is the next time delta.
  for (let i = 0; i < profile.samples.length - 1; i++) {
    const frame = byId.get(profile.samples[i]!)!.callFrame;
    if (IDLE.has(frame.functionName)) continue;
    const location = where(frame);
    const name = frame.functionName || '(anonymous)';
    const key = `${name}@${location}`;
    const spot = spots.get(key) ?? { name, location, selfMs: 0, percent: 0 };
    spot.selfMs += profile.timeDeltas[i + 1]! / 1000;
    spots.set(key, spot);
  }
  return spots;
}

/** The functions with the most self time, with their share of all non-idle samples. */
export function hotspots(profile: CpuProfile, count: number): { total: number; top: Hotspot[] } {
  const spots = [...selfTimes(profile).values()];
  const total = spots.reduce((sum, spot) => sum + spot.selfMs, 0);
  for (const spot of spots) spot.percent = (100 * spot.selfMs) / total;
  return { total, top: spots.sort((a, b) => b.selfMs - a.selfMs).slice(0, count) };
}

/** Self time per source file (or package): which module the time goes to. */
export function selfTimeByModule(profile: CpuProfile, count: number): { module: string; percent: number }[] {
  const spots = [...selfTimes(profile).values()];
  const total = spots.reduce((sum, spot) => sum + spot.selfMs, 0);
  const byModule = new Map<string, number>();
  for (const spot of spots) {
    const file = spot.location.replace(/:\d+$/, '');
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1];
    const module = pkg ?? (file || (spot.name.startsWith('RegExp:') ? '(regular expressions)' : spot.name));
    byModule.set(module, (byModule.get(module) ?? 0) + spot.selfMs);
  }
  return [...byModule.entries()]
    .map(([module, ms]) => ({ module, percent: (100 * ms) / total }))
    .sort((a, b) => b.percent - a.percent)
    .slice(0, count);
}
