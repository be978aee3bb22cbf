/** The bench's table per engine and its summary: ratios to the floor, growth exponents, memory. */
import { PASS_STAGES, VALIDATION_STAGES, type EngineResult, type Row } from './measure.ts';

export interface EngineSummary {
  engine: EngineResult['engine'];
  coldStartMs: number;
  /** k in t ∝ n^k from 50 to 500 entities, of the pipeline and of the validate node; null without both sizes valid. */
  growthPipeline50to500: number | null;
  growthValidate50to500: number | null;
  /** validate ÷ floor at each size; null where the migration does not apply alone. */
  ratios: Record<number, number | null>;
  peakRssMb: number;
  pgliteHeapPeakMb: number;
  /** The targets of the performance issue, checked on this run's numbers (sizes not measured are left out). */
  targets: Target[];
}

export interface Target {
  what: string;
  measured: string;
  met: boolean;
}

export function summarize(result: EngineResult): EngineSummary {
  return {
    engine: result.engine,
    coldStartMs: result.coldStartMs,
    growthPipeline50to500: growth(result.rows, 50, 500, (r) => r.pipelineMs),
    growthValidate50to500: growth(result.rows, 50, 500, (r) => r.validateMs),
    ratios: Object.fromEntries(result.rows.map((r) => [r.entities, ratio(r) === null ? null : round1(ratio(r)!)])),
    peakRssMb: result.peakRssMb,
    pgliteHeapPeakMb: result.pgliteHeapPeakMb,
    targets: targets(result),
  };
}

/**
 * 10 entities under 1.5 s warm on PGlite and 0.5 s on a server; 200 entities under 5 s; validation at most 3× the
 * floor; growth 50→500 at most 1.2.
 */
function targets(result: EngineResult): Target[] {
  const list: Target[] = [];
  const at = (n: number) => result.rows.find((r) => r.entities === n);
  const small = at(10);
  const limit10 = result.engine === 'pglite' ? 1500 : 500;
  if (small) list.push({ what: `10 entities < ${limit10} ms`, measured: `${small.pipelineMs} ms`, met: small.valid && small.pipelineMs < limit10 });
  const large = at(200);
  if (large) list.push({ what: '200 entities < 5000 ms', measured: `${large.pipelineMs} ms`, met: large.valid && large.pipelineMs < 5000 });
  const ratios = result.rows.map((r) => ({ n: r.entities, ratio: ratio(r) }));
  if (ratios.length > 0) {
    const worst = ratios.reduce((a, b) => ((b.ratio ?? Infinity) > (a.ratio ?? Infinity) ? b : a));
    list.push({ what: 'validate ≤ 3× floor at every size', measured: `worst ${worst.ratio?.toFixed(1) ?? 'n/a'} at ${worst.n}`, met: worst.ratio !== null && worst.ratio <= 3 });
  }
  const k = growth(result.rows, 50, 500, (r) => r.pipelineMs);
  if (k !== null) list.push({ what: 'growth 50→500 ≤ 1.2', measured: k.toFixed(2), met: k <= 1.2 });
  return list;
}

export function formatEngine(result: EngineResult): string {
  const s = summarize(result);
  const head = ['entities', 'tables', ...PASS_STAGES, ...VALIDATION_STAGES, 'floor', 'validate', 'val/floor', 'pipeline', 'md-extract', 'rss-after', 'valid'];
  const body = result.rows.map((r) => [
    r.entities, r.tables, ...PASS_STAGES.map((k) => r.passes[k]), ...VALIDATION_STAGES.map((k) => r.validation[k]),
    r.floorMs ?? 'fails', r.validateMs, ratio(r)?.toFixed(1) ?? 'n/a', r.pipelineMs, r.markdownExtractMs, `${r.rssAfterMb}M`, r.valid ? 'yes' : 'NO',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => String(b[i]).length)));
  const line = (cells: Array<string | number>) => cells.map((c, i) => String(c).padStart(widths[i]!)).join(' ');
  const exp = (k: number | null) => (k === null ? 'n/a' : k.toFixed(2));
  return [
    `${result.engine} (ms, median of ${result.rows[0]?.repeat ?? 0}; cold start ${s.coldStartMs} ms)`,
    line(head),
    ...body.map(line),
    ...result.rows.filter((r) => r.floorError).map((r) => `${r.entities} entities: the migration does not apply on this engine: ${r.floorError}`),
    `growth exponent 50→500: pipeline ${exp(s.growthPipeline50to500)}, validate ${exp(s.growthValidate50to500)}; ` +
      `peak RSS ${s.peakRssMb} MB${result.engine === 'pglite' ? `, largest PGlite WASM heap ${s.pgliteHeapPeakMb} MB` : ''}`,
    `targets: ${s.targets.map((t) => `${t.what}: ${t.measured} ${t.met ? 'met' : 'NOT met'}`).join('; ')}`,
  ].join('\n');
}

/** Stage legend, printed under the tables. */
export const LEGEND = [
  'extract…engineDiff: the pure passes alone (engineDiff: Prisma\'s initial migration DDL). open…rules: the validator\'s',
  'steps inside the pipeline run (open/close: the throwaway database; squawk: wall time, beside the database steps).',
  'floor: the same migration SQL applied alone; validate: the validate node; val/floor: their ratio.',
  'On a server the process runs as the service\'s workers do: each throwaway database created ahead of its run and',
  'dropped after it, in the background (open/close then show only what is left on the run\'s path).',
].join('\n');

function ratio(r: Row): number | null {
  return r.floorMs ? r.validateMs / r.floorMs : null;
}

function growth(rows: Row[], from: number, to: number, pick: (r: Row) => number): number | null {
  const a = rows.find((r) => r.entities === from);
  const b = rows.find((r) => r.entities === to);
  // An invalid run stops early or loops through repair rounds: its time says nothing about growth.
  return a && b && a.valid && b.valid && pick(a) > 0 ? round2(Math.log(pick(b) / pick(a)) / Math.log(to / from)) : null;
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const round2 = (x: number) => Math.round(x * 100) / 100;
