/**
 * GET /v1/generations/:id/archive: a finished job's project as one zip, every artifact under a folder named
 * after the project, as the CLI would write it with --out <name>. Built on request: a project is a few
 * hundred kilobytes at most, and storing zips next to the artifacts would double the job store.
 */
import type { FastifyInstance } from 'fastify';
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { JobManager } from '../jobs/manager.ts';
import { HttpProblem } from '../problem.ts';
import { JobParams, ProblemResponses } from '../schemas.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function archiveRoutes(app: FastifyInstance, options: { manager: JobManager }): Promise<void> {
  // Not through the zod type provider: it would type the reply as the problem schemas, and a 200 here is bytes.
  app.get<{ Params: { id: string } }>('/v1/generations/:id/archive', {
    schema: {
      summary: 'A finished job\'s Prisma project as a zip',
      description: 'application/zip with every artifact under `<project name>/`. 409 while the job is queued or running, or when it failed.',
      tags: ['generations'],
      params: JobParams,
      produces: ['application/zip'],
      response: { 404: ProblemResponses[400].describe('No such job'), 409: ProblemResponses[400].describe('The job has no result (yet)') },
    },
  }, async (request, reply) => {
    const { id } = request.params;
    const job = UUID.test(id) ? await options.manager.get(id) : undefined;
    if (!job) throw new HttpProblem(404, 'not-found', `There is no job ${id} (finished jobs are kept for a limited time).`);
    if (!job.result) throw new HttpProblem(409, 'no-result', `Job ${id} is ${job.status}; only a succeeded job has a project to download.`);
    const folder = folderName(job.result.model.name);
    const files: Zippable = {};
    for (const [path, text] of Object.entries(job.result.artifacts)) files[`${folder}/${path}`] = strToU8(text);
    // The job's time, not now: downloading twice gives the same bytes.
    const zip = zipSync(files, { level: 6, mtime: new Date(job.updatedAt) });
    return reply
      .type('application/zip')
      .header('content-disposition', `attachment; filename="${folder}.zip"`)
      .send(Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength));
  });
}

/** Model names are identifiers already; anything else (an old job, a hand-made model) still gives a safe name. */
function folderName(name: string | undefined): string {
  const safe = (name ?? '').replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');
  return safe || 'schemawright-project';
}
