// The page: read the input, start an asynchronous job, follow its events, then show the result in four views.
// The job id goes into the address (#job=<id>), so a reload or a shared link shows the same job again.
import { ApiError, createApi } from './api.js';
import { createBrowser } from './browser.js';
import { renderCoverage } from './coverage.js';
import { fill, h } from './dom.js';
import { createErd } from './erd.js';
import { createMigrationView } from './migration.js';
import { createProgress } from './progress.js';
import { buildSchema, migrationPaths, readMigrations } from './schema.js';
import { setupTabs } from './tabs.js';

const $ = (id) => document.getElementById(id);

const api = createApi(() => $('api-key').value.trim());
const progress = createProgress({ status: $('status'), nodes: $('nodes'), log: $('event-log') });
const browser = createBrowser({ list: $('table-list'), filter: $('table-filter'), detail: $('table-detail') });
const migration = createMigrationView({ select: $('artifact'), code: $('code'), aside: $('findings') });
const tabs = setupTabs(document.querySelector('#result [role="tablist"]'), (id) => id === 'tab-erd' && erd.fit());
const erd = createErd(/** @type {any} */ ($('erd')), {
  onOpen: (table) => {
    tabs.select('tab-tables');
    browser.open(table, { focus: true });
  },
});

/** @type {{ id: string, result: any, schema: any } | null} */
let current = null;
let running = null;

$('file').addEventListener('change', async (e) => {
  const file = /** @type {HTMLInputElement} */ (e.target).files?.[0];
  if (file) $('source').value = await file.text();
});

$('run-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  fill($('form-error'));
  let body;
  try {
    body = requestBody($('source').value, Number($('rounds').value));
  } catch (error) {
    return showError(error);
  }
  $('run').disabled = true;
  try {
    progress.reset('Submitting…');
    $('progress').hidden = false;
    $('result').hidden = true;
    const job = await api.submit(body);
    history.replaceState(null, '', `#job=${job.id}`);
    await follow(job.id, body.prd);
  } catch (error) {
    showError(error);
  } finally {
    $('run').disabled = false;
  }
});

$('download').addEventListener('click', async () => {
  if (!current) return;
  const button = $('download');
  button.disabled = true;
  try {
    progress.say(`Downloaded ${await api.download(current.id)}.`);
  } catch (error) {
    showError(error);
  } finally {
    button.disabled = false;
  }
});

const erdOptions = () => ({ columns: $('erd-columns').value, shared: $('erd-shared').checked });
$('erd-columns').addEventListener('change', () => current && erd.render(current.schema, erdOptions()));
$('erd-shared').addEventListener('change', () => current && erd.render(current.schema, erdOptions()));
$('erd-zoom-in').addEventListener('click', () => erd.zoomIn());
$('erd-zoom-out').addEventListener('click', () => erd.zoomOut());
$('erd-fit').addEventListener('click', () => erd.fit());
$('erd-find').addEventListener('change', (e) => {
  const name = /** @type {HTMLInputElement} */ (e.target).value.trim();
  if (current?.schema.tables.some((t) => t.name === name)) erd.find(name);
});

/** `{` first: a JSON model; anything else: a PRD. */
function requestBody(text, rounds) {
  if (!text.trim()) throw new Error('Paste a PRD or a JSON model, or open a file.');
  const body = text.trimStart().startsWith('{') ? { model: parseModel(text) } : { prd: text };
  return Number.isInteger(rounds) && rounds >= 1 && rounds <= 10 ? { ...body, rounds } : body;
}

function parseModel(text) {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`The text starts with "{" but is not valid JSON: ${error.message}`);
  }
}

/** Follows a job to its end and shows what it produced; a newer run cancels an older one's stream. */
async function follow(id, prd) {
  running?.abort();
  const controller = new AbortController();
  running = controller;
  await api.follow(id, (event) => progress.onEvent(event), controller.signal);
  const job = await api.job(id);
  if (running !== controller) return;
  if (job.status !== 'succeeded') throw new ApiError(job.error ?? { detail: `The job ended as ${job.status}.` });
  show(id, job.result, prd);
}

function show(id, result, prd) {
  const { model, report, artifacts } = result;
  const catalog = readMigrations(migrationPaths(artifacts).map((path) => artifacts[path]));
  const schema = buildSchema(model, catalog, report);
  const prdLines = typeof prd === 'string' ? prd.split('\n') : null;
  current = { id, result, schema };

  fill($('verdict'), h('span', { class: `badge badge-${result.valid ? 'good' : 'bad'}` }, result.valid ? 'valid' : 'not valid'));
  $('summary').textContent = report?.summary ?? '';
  const counts = report?.counts ?? {};
  $('counts').textContent = [
    [counts.tables, 'tables'], [counts.tenantTables, 'tenant tables'], [counts.foreignKeys, 'foreign keys'],
    [counts.indexes, 'indexes'], [counts.policies, 'policies'], [counts.queryPatterns, 'query patterns'],
  ].filter(([n]) => n !== undefined).map(([n, what]) => `${n} ${what}`).join(' · ');

  $('result').hidden = false;
  fill($('erd-tables'), schema.tables.map((t) => h('option', { value: t.name })));
  // Above 20 tables, every column makes the diagram too tall to read at a glance; keys still show the structure.
  $('erd-columns').value = schema.tables.length > 20 ? 'keys' : 'all';
  tabs.select('tab-erd');
  erd.render(schema, erdOptions());
  browser.show(schema, model, prdLines);
  renderCoverage($('coverage'), { report, model, schema, prdLines });
  migration.show(result);
  $('result').scrollIntoView({ block: 'start' });
}

function showError(error) {
  const problem = error instanceof ApiError ? error.problem : null;
  fill($('form-error'),
    h('p', null, problem?.title && problem.title !== problem.detail ? `${problem.title}: ` : '', error.message),
    problem?.errors?.length ? h('ul', null, problem.errors.map((e) => h('li', null, h('code', null, e.path), ` ${e.message}`))) : null);
  progress.say(`Failed: ${error.message}`);
}

const fromAddress = /^#job=([0-9a-f-]{36})$/i.exec(location.hash)?.[1];
if (fromAddress) {
  progress.reset('Loading the job…');
  $('progress').hidden = false;
  follow(fromAddress).catch(showError);
}
