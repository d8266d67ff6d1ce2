/**
 * The README's pictures of the web view, taken in headless Chromium from a running local pipeline:
 *
 *   npm start &    # then, once it is up:
 *   npm run upload -- tests/fixtures/echo/*.md tests/fixtures/karabakh-offensive-2023-09-20.txt tests/fixtures/formats/*
 *   npx tsx scripts/screenshots.ts [http://localhost:3000]
 *
 * writes docs/home.png, docs/speaker.png, docs/statement.png and docs/cluster.png (1024 px wide, whole page).
 */
import { launchChromium } from '../tests/browser/chromium.ts';

const base = process.argv[2] ?? 'http://localhost:3000';
const SPEAKER = 'recep-tayyip-erdogan';

interface Listed {
  items: { id: string; cluster: { id: string } | null; articleSite: string | null }[];
}

const browser = await launchChromium();
try {
  const page = await browser.context.newPage();
  const shoot = async (path: string, file: string) => {
    const response = await page.goto(new URL(path, base).href);
    if (!response?.ok()) throw new Error(`${path}: HTTP ${response?.status()}`);
    await page.screenshot({ path: `docs/${file}`, fullPage: true });
    console.log(`docs/${file} ← ${path}`);
  };
  // A statement whose words appeared elsewhere: the one whose cluster has the most members here.
  const listed = (await (await fetch(new URL(`/statements?speaker=${SPEAKER}&limit=100`, base))).json()) as Listed;
  const sizes = new Map<string, number>();
  for (const statement of listed.items) if (statement.cluster) sizes.set(statement.cluster.id, (sizes.get(statement.cluster.id) ?? 0) + 1);
  const echoed = listed.items.find((statement) => statement.cluster && sizes.get(statement.cluster.id)! > 1 && statement.articleSite !== null);
  if (!echoed) throw new Error(`no statement of ${SPEAKER} appeared in more than one article: upload tests/fixtures/echo first`);
  await shoot('/', 'home.png');
  await shoot(`/view/speakers/${SPEAKER}`, 'speaker.png');
  await shoot(`/view/statements/${encodeURIComponent(echoed.id)}`, 'statement.png');
  await shoot(`/view/clusters/${encodeURIComponent(echoed.cluster!.id)}`, 'cluster.png');
} finally {
  await browser.close();
}
