/** PRISMA_SCHEMA_INVALID: Prisma's own validator (the WASM engine behind `prisma validate`) accepts schema.prisma. */
import { violation, type Rule } from './rule.ts';

export const prismaSchemaInvalid: Rule = {
  id: 'prisma-schema-invalid',
  level: 'error',
  category: 'migration',
  owner: 'migration',
  reads: 'evidence',
  title: 'Prisma\'s validator accepts schema.prisma',
  remedy: 'A schemawright emitter bug: report it with the input',
  check: ({ evidence }) =>
    (evidence?.prisma?.diagnostics ?? [])
      .filter((d) => d.level === 'error')
      .map((d) => violation(prismaSchemaInvalid, {
        target: `schema.prisma${d.line ? `:${d.line}` : ''}`,
        message: `Prisma rejects the schema: ${d.message}`,
        fix: 'The emitter produced a schema Prisma rejects; this is a schemawright bug — please report it with the input.',
      })),
};
