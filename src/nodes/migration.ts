/** migration: the data model → schema.prisma, Prisma's initial migration + tenancy SQL, seeds, scripts and docs. */
import { buildArtifacts } from '../tools/artifacts/build-artifacts.ts';
import { defineNode } from './node-context.ts';

export const migrationNode = defineNode('migration', async (state) => {
  const artifacts = await buildArtifacts(state.model!, state.timestamp);
  return { update: { artifacts }, summary: `${Object.keys(artifacts).length} files` };
});
