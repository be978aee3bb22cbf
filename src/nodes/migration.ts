/**
 * migration: the data model → schema.prisma, Prisma's initial migration + tenancy SQL, seeds, scripts and docs;
 * in evolution mode, the existing migrations unchanged and the next one.
 */
import { buildArtifacts } from '../tools/artifacts/build-artifacts.ts';
import { buildNextArtifacts } from '../tools/evolution/next-migration.ts';
import type { PipelineStateUpdate, PipelineStateValue } from '../graph/state.ts';
import { defineNode } from './node-context.ts';

/**
 * A model the emitter refuses (a name over 63 bytes, a composite key without its unique target) leaves the
 * artifacts empty instead of ending the run: the validator then reports why and routes to the node that owns it.
 */
export const migrationNode = defineNode('migration', async (state) => {
  try {
    return await emit(state);
  } catch (error) {
    return { update: { artifacts: {}, migrationFindings: [] }, summary: `nothing emitted: ${error instanceof Error ? error.message : String(error)}` };
  }
});

async function emit(state: PipelineStateValue): Promise<{ update: PipelineStateUpdate; summary: string }> {
  if (state.previous) {
    const { artifacts, next } = await buildNextArtifacts(state.model!, state.previous, state.timestamp);
    const summary = next.name ? `next migration ${next.name}, ${next.findings.length} destructive change(s)` : 'no change since the previous migrations';
    return { update: { artifacts, migrationFindings: next.findings }, summary };
  }
  const artifacts = await buildArtifacts(state.model!, state.timestamp);
  return { update: { artifacts }, summary: `${Object.keys(artifacts).length} files` };
}
