/**
 * The Lambda bundles are built with aliases (infra/bundle.ts: htmlparser2 cut to its Parser, the CSS parser
 * replaced by a stub that throws), so the deployed parser is not byte for byte the code the other tests run.
 * This builds the parser with the very options `cdk synth` uses and holds its output to the source's, on the
 * repository's fixtures, generated articles in every format and pages with style sheets: an upgrade of
 * linkedom that starts reading a sheet, or needs more of htmlparser2, fails here and not on the first
 * HTML article in production.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { functionBundleOptions } from '../../infra/bundle.ts';
import { packageOf, packagesBundledTwice } from '../../infra/bundled-packages.ts';
import { filesReadAtInit } from '../../infra/read-at-init.ts';
import { parseDocument } from '../../shared/parse/index.ts';
import { syntheticNews } from '../support/synthetic-news.ts';

type Parse = typeof parseDocument;

const repoRoot = new URL('../../', import.meta.url);
const fixtures = new URL('../fixtures/', import.meta.url);

const STYLED_PAGE = `<!doctype html><html lang="en"><head><title>Council backs ferry plan - Harbour Gazette</title>
<style>body { font: 16px serif } .byline::before { content: "By " } @media (max-width: 600px) { h1 { font-size: 1.2em } }</style>
<link rel="stylesheet" href="/site.css"><meta property="og:site_name" content="Harbour Gazette"></head>
<body><article><h1 style="color: #333">Council backs ferry plan</h1><p class="byline">By Anna Reed</p>
<time datetime="2024-03-02">2 March 2024</time><style>.inline { color: red }</style>
<p>The council voted on Tuesday to back the new ferry timetable after months of argument over winter sailings.</p>
<p>"We have listened, and we are changing course," said council leader Tom Green.</p>
<p>The operator said the change would take effect in the spring, subject to the approval of the harbour board.</p>
</article></body></html>`;

/** What a parse gives, comparable across the two builds (their RejectedInput classes differ). */
function outcome(parse: Parse, bytes: Uint8Array, key: string): unknown {
  try {
    return parse(bytes, { key });
  } catch (error) {
    return { rejected: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

let outdir: string;
let bundled: Parse;

beforeAll(async () => {
  outdir = await mkdtemp(join(tmpdir(), 'onrecord-bundle-'));
  await build(
    functionBundleOptions({
      entry: new URL('shared/parse/index.ts', repoRoot).pathname,
      outdir,
      target: `node${process.versions.node.split('.')[0]}`,
      tsconfig: new URL('tsconfig.json', repoRoot).pathname,
    }),
  );
  ({ parseDocument: bundled } = (await import(pathToFileURL(join(outdir, 'index.mjs')).href)) as { parseDocument: Parse });
}, 60_000);

afterAll(async () => {
  await rm(outdir, { recursive: true, force: true });
});

describe('the parser as bundled for Lambda', () => {
  it('reads every fixture as the source does', async () => {
    const files = [
      ...(await readdir(fixtures, { withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => entry.name),
      ...(await readdir(new URL('formats/', fixtures))).map((name) => `formats/${name}`),
    ];
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const bytes = await readFile(new URL(file, fixtures));
      expect(outcome(bundled, bytes, file), file).toEqual(outcome(parseDocument, bytes, file));
    }
  });

  it('reads generated articles in every format as the source does', () => {
    const articles = syntheticNews(60);
    expect(new Set(articles.map((article) => article.format)).size).toBe(5);
    for (const article of articles) {
      expect(outcome(bundled, article.bytes, article.key), article.key).toEqual(outcome(parseDocument, article.bytes, article.key));
    }
  });

  it('reads a page with style sheets without touching the stubbed CSS parser', () => {
    const bytes = new TextEncoder().encode(STYLED_PAGE);
    const [article] = bundled(bytes, { key: 'styled.html' });
    expect(article?.metadata.title).toBe('Council backs ferry plan');
    expect(outcome(bundled, bytes, 'styled.html')).toEqual(outcome(parseDocument, bytes, 'styled.html'));
  });
});

function packagesIn(metafile: Metafile, files: Iterable<string>): Set<string> {
  const packages = new Set<string>();
  for (const file of files) {
    for (const input of Object.keys(metafile.outputs[file]!.inputs)) {
      const found = packageOf(input);
      if (found) packages.add(found.name);
    }
  }
  return packages;
}

/** A function's bundle as `cdk synth` builds it, with esbuild's account of what went into which file. */
async function bundleFunction(entry: string): Promise<Metafile> {
  const outdir = await mkdtemp(join(tmpdir(), 'onrecord-function-bundle-'));
  try {
    const { metafile } = await build({
      ...functionBundleOptions({
        entry: new URL(entry, repoRoot).pathname,
        outdir,
        target: `node${process.versions.node.split('.')[0]}`,
        tsconfig: new URL('tsconfig.json', repoRoot).pathname,
      }),
      metafile: true,
      logLevel: 'silent',
    });
    return metafile;
  } finally {
    await rm(outdir, { recursive: true, force: true });
  }
}

describe('the ingest function as bundled for Lambda', () => {
  it('loads the HTML and Markdown readers when an object of their format arrives, not at a cold start', async () => {
    const metafile = await bundleFunction('functions/ingest/handler.ts');
    const readers = ['linkedom', '@mozilla/readability', 'htmlparser2', 'yaml'];
    const atInit = packagesIn(metafile, filesReadAtInit(metafile));
    expect(readers.filter((name) => atInit.has(name))).toEqual([]);
    // still in the bundle, in chunks of their own
    expect(readers.filter((name) => !packagesIn(metafile, Object.keys(metafile.outputs)).has(name))).toEqual([]);
    // what every article needs stays in the entry: a text article's cold start loads nothing more
    expect(atInit.has('franc-min') && atInit.has('chrono-node')).toBe(true);
  }, 60_000);
});

describe('the API function as bundled for Lambda', () => {
  it('holds no format reader and no S3 client: the article page reads the stored body', async () => {
    const metafile = await bundleFunction('functions/api/handler.ts');
    const bundled = packagesIn(metafile, Object.keys(metafile.outputs));
    const parsing = ['linkedom', '@mozilla/readability', 'htmlparser2', 'yaml', 'franc-min', 'chrono-node', '@aws-sdk/client-s3'];
    expect(parsing.filter((name) => bundled.has(name))).toEqual([]);
    // the check sees packages at all
    expect(bundled.has('@aws-sdk/client-dynamodb')).toBe(true);
  }, 60_000);
});

describe.each(['functions/ingest/handler.ts', 'functions/api/handler.ts'])('%s as bundled for Lambda', (entry) => {
  // A second copy is code read and compiled twice; package.json's overrides keep `entities` to the one htmlparser2 needs.
  it('holds one copy of each package', async () => {
    expect(packagesBundledTwice(await bundleFunction(entry))).toEqual([]);
  }, 60_000);
});
