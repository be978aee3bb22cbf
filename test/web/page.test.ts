/**
 * The web page end to end in real headless Chromium (Debian's /usr/bin/chromium driven by playwright-core) against
 * the real pipeline on worker threads: paste the example PRD, follow the live progress, check the diagram has one
 * entity per table, open a table and read its policy, download the project zip, and save the screenshot the
 * README shows (docs/screenshot.png).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkerPipeline } from '../../src/server/worker-pipeline.ts';
import { startServer, type TestServer } from '../server/support.ts';

const CHROMIUM = '/usr/bin/chromium';
const HAS_CHROMIUM = existsSync(CHROMIUM);
// Without the background-networking flags Chromium keeps dialling Google's hosts, which a closed network refuses.
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const SCREENSHOT = fileURLToPath(new URL('../../docs/screenshot.png', import.meta.url));
const PRD = readFileSync(new URL('../../examples/clinic.md', import.meta.url), 'utf8');

interface JobView {
  status: string;
  result: { artifacts: Record<string, string>; model: { name: string; entities: Array<{ name: string; table: string }>; policies: Array<{ entity: string; name: string }> } };
}

describe.skipIf(!HAS_CHROMIUM)(HAS_CHROMIUM ? 'the web page in headless Chromium' : `the web page in headless Chromium — skipped: ${CHROMIUM} is missing (apt-get install -y chromium)`, () => {
  let server: TestServer;
  let workers: WorkerPipeline;
  let context: BrowserContext;
  let page: Page;
  let scratch = '';

  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'schemawright-web-'));
    workers = new WorkerPipeline({ size: 1 });
    server = await startServer({ pipeline: workers.run });
    // A fresh, empty profile: nothing from an earlier run (cache, storage) can make the page look right.
    context = await chromium.launchPersistentContext(join(scratch, 'profile'), {
      executablePath: CHROMIUM, args: FLAGS, headless: true, acceptDownloads: true, viewport: { width: 1280, height: 800 },
    });
    page = context.pages()[0] ?? (await context.newPage());
  });
  afterAll(async () => {
    await context?.close();
    await server?.close();
    await workers?.close();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it('pastes a PRD, shows live progress, the ERD, a table\'s policy, downloads the zip and saves the screenshot', async () => {
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
    page.on('console', (message) => message.type() === 'error' && problems.push(`console: ${message.text()}`));

    await page.goto(server.url);
    await page.getByLabel('PRD (markdown) or JSON model').fill(PRD);
    await page.getByRole('button', { name: 'Generate' }).click();

    // Live progress: the node list fills in from the event stream while the job runs.
    await page.locator('#nodes [data-node="extract"][data-state="done"]').waitFor({ timeout: 120_000 });
    await expect.poll(() => page.getByRole('status').textContent()).not.toBe('');
    await page.locator('#result').waitFor({ state: 'visible', timeout: 480_000 });
    expect(await page.locator('#nodes [data-state="done"]').count()).toBe(6);

    const id = /#job=([0-9a-f-]{36})$/.exec(page.url())?.[1];
    expect(id).toBeTruthy();
    const job = (await (await fetch(`${server.url}/v1/generations/${id}`)).json()) as JobView;
    expect(job.status).toBe('succeeded');
    const tables = job.result.model.entities.map((e) => e.table);

    // One ERD entity per table, no more, no fewer.
    const drawn = await page.locator('#erd .erd-table').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-table')));
    expect([...drawn].sort()).toEqual([...tables].sort());

    // Open a tenant table from the diagram with the keyboard; its policy SQL and RLS badges show.
    const policy = job.result.model.policies[0]!;
    const table = job.result.model.entities.find((e) => e.name === policy.entity)!.table;
    await page.locator(`#erd .erd-table[data-table="${table}"]`).focus();
    await page.keyboard.press('Enter');
    expect(await page.getByRole('tab', { name: 'Tables' }).getAttribute('aria-selected')).toBe('true');
    const detail = page.locator('#table-detail');
    await expect.poll(() => detail.locator('h3').textContent()).toContain(table);
    expect(await detail.locator('.badges').textContent()).toMatch(/RLS enabled.*RLS forced/);
    expect(await detail.locator(`.policy[data-policy="${policy.name}"] pre`).textContent()).toMatch(new RegExp(`^CREATE POLICY "${policy.name}" ON "${table}"`));

    // The tabs follow the arrow keys.
    await page.getByRole('tab', { name: 'Tables' }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('tab', { name: 'Index coverage' }).getAttribute('aria-selected')).toBe('true');
    expect(await page.locator('#panel-coverage').isVisible()).toBe(true);

    // The whole project as a zip, identical to the job's artifacts.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download project (.zip)' }).click()]);
    const files = unzipSync(readFileSync((await download.path())!));
    const folder = download.suggestedFilename().replace(/\.zip$/, '');
    expect(folder).toBe(job.result.model.name);
    expect(Object.keys(files).sort()).toEqual(Object.keys(job.result.artifacts).map((p) => `${folder}/${p}`).sort());
    expect(strFromU8(files[`${folder}/prisma/schema.prisma`]!)).toBe(job.result.artifacts['prisma/schema.prisma']);

    // The README's screenshot: the diagram, with nothing hovered.
    await page.getByRole('tab', { name: 'Diagram' }).click();
    await page.mouse.move(0, 0);
    await page.locator('#result').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: SCREENSHOT });
    expect(statSync(SCREENSHOT).size).toBeLessThan(300 * 1024);

    expect(problems).toEqual([]);
  }, 600_000);
});
