/**
 * migration: the data model → schema.prisma, Prisma's initial migration + tenancy SQL, seeds, scripts and docs;
 * in evolution mode, the existing migrations unchanged and the next one.
 */
import { buildArtifacts } from '../tools/artifacts/build-artifacts.ts';
import { buildNextArtifacts } from '../tools/evolution/next-migration.ts';
import { defineNode } from './node-context.ts';

export const migrationNode = defineNode('migration', async (state) => {
  if (state.previous) {
    const { artifacts, next } = await buildNextArtifacts(state.model!, state.previous, state.timestamp);
    const summary = next.name ? `next migration ${next.name}, ${next.findings.length} destructive change(s)` : 'no change since the previous migrations';
    return { update: { artifacts, migrationFindings: next.findings }, summary };
  }
  const artifacts = await buildArtifacts(state.model!, state.timestamp);
  return { update: { artifacts }, summary: `${Object.keys(artifacts).length} files` };
});
