/** tenancy: org_id on tenant tables, composite tenant FKs, org-led indexes and one RLS policy per table. */
import { DataModel } from '../model/index.ts';
import { applyTenancy } from '../tools/tenancy/apply-tenancy.ts';
import { defineNode } from './node-context.ts';

export const tenancyNode = defineNode('tenancy', async (state) => {
  const model = DataModel.parse(applyTenancy(state.model!));
  return { update: { model }, summary: `${model.policies.length} tenant tables under RLS` };
});
