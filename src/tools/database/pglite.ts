/**
 * Throwaway PGlite databases, one per validation run.
 *
 * Booting PGlite runs initdb (~4 s, ~750 MB). PGlite's clone() is dumpDataDir() followed by
 * PGlite.create({ loadDataDir }), and only the second half depends on the run: so the template is booted once
 * per process, dumped once, and closed; every run starts from that image. That is what clone() would give,
 * without re-dumping 40 MB per run or keeping the template's memory alive.
 */
import { PGlite } from '@electric-sql/pglite';
import type { SqlDriverAdapter } from '@prisma/driver-adapter-utils';
import type { ThrowawayDatabase } from './database.ts';
import { pgliteAdapter } from './prisma-adapter.ts';

let templateImage: Promise<Blob> | undefined;

async function bootTemplate(): Promise<Blob> {
  const template = await PGlite.create();
  try {
    return await template.dumpDataDir('none');
  } finally {
    await template.close();
  }
}

/** Concurrent callers share one boot; a failed boot is forgotten so that the next caller retries. */
function templateDataDir(): Promise<Blob> {
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

/** Forgets the template image (tests, graceful shutdown); the next run boots a new one. */
export async function disposePGliteTemplate(): Promise<void> {
  const pending = templateImage;
  templateImage = undefined;
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

/** A fresh, empty PGlite database started from the template image. */
export async function openPGliteDatabase(): Promise<ThrowawayDatabase> {
  const image = await templateDataDir();
  return new PGliteDatabase(await PGlite.create({ loadDataDir: image }));
}

class PGliteDatabase implements ThrowawayDatabase {
  readonly engine = 'pglite' as const;
  /**
   * PGlite serialises each parameter by the type the server infers (a string 'false' for a boolean becomes
   * true, a string for bytea throws). pg sends strings as text and lets PostgreSQL parse them; doing the same
   * here means callers can pass the text form of any value, enums and domains included, on both engines.
   */
  private readonly textParams: Record<number, (value: unknown) => string>;

  constructor(private readonly pg: PGlite) {
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
    await this.pg.exec(sql);
  }

  async query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    const result = await this.pg.query<T>(sql, params, { serializers: this.textParams });
    return result.rows;
  }

  prismaAdapter(): Promise<SqlDriverAdapter> {
    return pgliteAdapter(this.pg);
  }

  async close(): Promise<void> {
    const heap = (this.pg as unknown as { mod?: { HEAPU8?: Uint8Array } }).mod?.HEAPU8?.byteLength ?? 0;
    heapPeak = Math.max(heapPeak, heap);
    if (!this.pg.closed) await this.pg.close();
  }
}
