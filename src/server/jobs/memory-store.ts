/** Jobs in this process only: fine for one instance and tests; everything is lost on restart. */
import { FINISHED, type JobEvent, type JobPatch, type JobRecord, type JobStore } from './store.ts';

export class MemoryJobStore implements JobStore {
  readonly durable = false;
  private readonly jobs = new Map<string, { job: JobRecord; events: JobEvent[] }>();
  /** Results carry whole projects; past this many finished jobs the oldest go first. */
  private readonly maxFinished: number;

  constructor(options: { maxFinished?: number } = {}) {
    this.maxFinished = options.maxFinished ?? 200;
  }

  async init(): Promise<void> {}

  async create(job: JobRecord): Promise<void> {
    this.jobs.set(job.id, { job: structuredClone(job), events: [] });
  }

  async get(id: string): Promise<JobRecord | undefined> {
    const entry = this.jobs.get(id);
    return entry ? structuredClone(entry.job) : undefined;
  }

  async update(id: string, patch: JobPatch): Promise<void> {
    const entry = this.jobs.get(id);
    if (!entry) return;
    entry.job = { ...entry.job, ...structuredClone(patch), updatedAt: new Date().toISOString() };
    if (patch.status && FINISHED.has(patch.status)) this.evictOverflow();
  }

  async appendEvent(id: string, event: JobEvent): Promise<void> {
    this.jobs.get(id)?.events.push(structuredClone(event));
  }

  async events(id: string, afterSeq = 0): Promise<JobEvent[]> {
    return (this.jobs.get(id)?.events ?? []).filter((e) => e.seq > afterSeq).map((e) => structuredClone(e));
  }

  async unfinished(): Promise<JobRecord[]> {
    return [...this.jobs.values()].map((e) => e.job).filter((j) => !FINISHED.has(j.status));
  }

  async purgeFinished(before: Date): Promise<string[]> {
    const ids = [...this.jobs.values()].filter((e) => FINISHED.has(e.job.status) && Date.parse(e.job.updatedAt) < before.getTime()).map((e) => e.job.id);
    for (const id of ids) this.jobs.delete(id);
    return ids;
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {}

  private evictOverflow(): void {
    const finished = [...this.jobs.values()].filter((e) => FINISHED.has(e.job.status));
    // Map iteration is insertion order, so the first finished entries are the oldest jobs.
    for (const entry of finished.slice(0, Math.max(0, finished.length - this.maxFinished))) this.jobs.delete(entry.job.id);
  }
}
