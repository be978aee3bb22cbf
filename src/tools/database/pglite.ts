/**
 * Throwaway PGlite databases, one per validation run.
 *
 * Booting PGlite runs initdb (~4 s, ~750 MB). PGlite's clone() is dumpDataDir() followed by
 * PGlite.create({ loadDataDir }), and only the second half depends on the run: so the template is booted once
 * per process, dumped once, and closed; every run starts from that image. That is what clone() would give,
 * without re-dumping 40 MB per run or keeping the template's memory alive.
 *
 * After a small run the instance is reset and, when its fingerprint then equals the template's, kept for the
 * next run (pglite-reset.ts): one warm instance per process instead of a start from the image each time.
 */
import { PGlite } from '@electric-sql/pglite';
import type { SqlDriverAdapter } from '@prisma/driver-adapter-utils';
import type { ThrowawayDatabase } from './database.ts';
import { createdObjects, resetAndFingerprint, REUSE_LIMIT } from './pglite-reset.ts';
import { pgliteAdapter } from './prisma-adapter.ts';

interface Template {
  image: Blob;
  /** The template's fingerprint after the reset a reused instance goes through. */
  fingerprint: string;
}

let templateImage: Promise<Template> | undefined;
/** A reset instance with the template's fingerprint, waiting for the next run. */
let spare: PGlite | undefined;
let spareTimer: NodeJS.Timeout | undefined;

/**
 * An open PGlite keeps the process alive: a spare nobody takes within this time is closed, so a process that
 * ends by running out of work (evals, scripts) still ends. Back-to-back runs (a busy server, the bench) keep it.
 */
const SPARE_IDLE_MS = 1000;

function takeSpare(): PGlite | undefined {
  const kept = spare;
  spare = undefined;
  clearTimeout(spareTimer);
  return kept;
}

function keepSpare(pg: PGlite): void {
  spare = pg;
  spareTimer = setTimeout(() => {
    if (spare === pg) void takeSpare()?.close().catch(() => undefined);
  }, SPARE_IDLE_MS);
  spareTimer.unref();
}

async function bootTemplate(): Promise<Template> {
  const template = await PGlite.create();
  try {
    const image = await template.dumpDataDir('none');
    return { image, fingerprint: await resetAndFingerprint(template) };
  } finally {
    await template.close();
  }
}

/** Concurrent callers share one boot; a failed boot is forgotten so that the next caller retries. */
function templateDataDir(): Promise<Template> {
  if (!templateImage) {
    const boot = bootTemplate();
    templateImage = boot;
    boot.catch(() => {
      if (templateImage === boot) templateImage = undefined;
    });
  }
  return templateImage;
}

/** Boots the template now (e.g. when a server starts) so that the first validation run does not pay for it. */
export async function warmPGliteTemplate(): Promise<void> {
  await templateDataDir();
}

/** Forgets the template image and closes the spare instance (tests, graceful shutdown); the next run boots anew. */
export async function disposePGliteTemplate(): Promise<void> {
  const pending = templateImage;
  templateImage = undefined;
  await takeSpare()?.close().catch(() => undefined);
  await pending?.catch(() => undefined);
}

let heapPeak = 0;

/**
 * The largest WebAssembly memory a throwaway PGlite reached in this process (it never shrinks, so its size at
 * close is its peak), for `npm run bench`. Read from PGlite's Emscripten module, which it does not type.
 */
export function pgliteHeapPeakBytes(): number {
  return heapPeak;
}

/** A fresh, empty PGlite database: the spare instance when there is one, else started from the template image. */
export async function openPGliteDatabase(): Promise<ThrowawayDatabase> {
  const template = await templateDataDir();
  return new PGliteDatabase(takeSpare() ?? (await PGlite.create({ loadDataDir: template.image })), template);
}

/** Keeps `pg` as the spare when it is small enough to reset and the reset gives the template's fingerprint. */
async function keepOrClose(pg: PGlite, template: Template): Promise<void> {
  let reusable = false;
  try {
    reusable = !spare && templateImage !== undefined && (await createdObjects(pg)) <= REUSE_LIMIT
      && (await resetAndFingerprint(pg)) === template.fingerprint && (await templateImage) === template && !spare;
  } catch {
    // An instance the reset cannot handle is simply not reused.
  }
  if (reusable) keepSpare(pg);
  else await pg.close();
}

class PGliteDatabase implements ThrowawayDatabase {
  readonly engine = 'pglite' as const;
  /**
   * PGlite serialises each parameter by the type the server infers (a string 'false' for a boolean becomes
   * true, a string for bytea throws). pg sends strings as text and lets PostgreSQL parse them; doing the same
   * here means callers can pass the text form of any value, enums and domains included, on both engines.
   */
  private readonly textParams: Record<number, (value: unknown) => string>;

  private closed = false;

  constructor(
    private readonly pg: PGlite,
    private readonly template: Template,
  ) {
    this.textParams = new Proxy(
      {},
      {
        get: (_target, oid) => (value: unknown) => {
          if (typeof value === 'string') return value;
          const serialize = pg.serializers[oid as unknown as number];
          return serialize ? serialize(value) : String(value);
        },
      },
    );
  }

  async exec(sql: string): Promise<void> {
    this.ensureOpen();
    await this.pg.exec(sql);
  }

  async query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    this.ensureOpen();
    const result = await this.pg.query<T>(sql, params, { serializers: this.textParams });
    return result.rows;
  }

  prismaAdapter(): Promise<SqlDriverAdapter> {
    this.ensureOpen();
    return pgliteAdapter(this.pg);
  }

  async separatePrismaAdapter(): Promise<undefined> {
    return undefined;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const heap = (this.pg as unknown as { mod?: { HEAPU8?: Uint8Array } }).mod?.HEAPU8?.byteLength ?? 0;
    heapPeak = Math.max(heapPeak, heap);
    if (!this.pg.closed) await keepOrClose(this.pg, this.template);
  }

  /** The instance may be serving the next run by now: a closed database must not reach it. */
  private ensureOpen(): void {
    if (this.closed) throw new Error('This PGlite database is closed');
  }
}
