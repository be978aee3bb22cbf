/** Existing models as reference: read a SQLAlchemy file or a schema.prisma and merge it into the extracted model. */
import type { DataModel } from '../../model/index.ts';
import { InputError } from '../../errors.ts';
import { parsePrismaSchema } from './prisma.ts';
import { reconcile, type Reconciled } from './reconcile.ts';
import { parseSqlalchemy } from './sqlalchemy/parse.ts';
import { existingToModel, type ExistingModel } from './to-model.ts';
import type { ExistingInput, ExistingSchema } from './types.ts';

export type { ExistingInput } from './types.ts';

export async function readExistingSchema(input: ExistingInput): Promise<ExistingSchema> {
  const schema = input.kind === 'prisma' ? await parsePrismaSchema(input.text, input.file) : parseSqlalchemy(input.text, input.file);
  if (schema.tables.length === 0) {
    const what = input.kind === 'prisma' ? 'no model' : 'no mapped class (a class with __tablename__) and no Table(...)';
    throw new InputError(`The existing ${input.kind === 'prisma' ? 'schema' : 'models file'} has ${what}.`, [{ path: schema.file, message: 'nothing to use as reference' }]);
  }
  return schema;
}

export async function readExisting(input: ExistingInput): Promise<ExistingModel> {
  return existingToModel(await readExistingSchema(input));
}

/** The extract node's step: the extracted model, extended onto the existing tables. */
export async function reconcileWithExisting(extracted: DataModel, input: ExistingInput): Promise<Reconciled> {
  return reconcile(extracted, await readExisting(input));
}
