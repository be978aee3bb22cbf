/** Patches the fake model answers with, built on an empty patch so each test states only what it changes. */
import type { ExtractionPatch, FieldSpec } from '../../src/tools/extract/llm/schema.ts';

export const EMPTY_PATCH: ExtractionPatch = {
  addEntities: [], renameEntities: [], dropEntities: [], correctEntities: [], addFields: [], dropFields: [], correctFields: [],
  addRelations: [], dropRelations: [], correctRelations: [], naturalKeys: [], partialUniques: [], queryPatterns: [],
  referenceRows: [], removeDraftItems: [], notData: [],
};

export function patch(changes: Partial<ExtractionPatch>): ExtractionPatch {
  return { ...EMPTY_PATCH, ...changes };
}

export function field(name: string, type: FieldSpec['type'], extra: Partial<FieldSpec> = {}): FieldSpec {
  return { name, type, required: true, maxLength: null, precision: null, scale: null, enumValues: null, default: null, description: null, ...extra };
}

/** What a good model answers for fixtures/clinic.md: the appointment the parser missed, a type fix, a better pattern. */
export const CLINIC_PATCH: ExtractionPatch = patch({
  addEntities: [{
    name: 'Appointment', kind: 'tenant', softDelete: false, description: null,
    fields: [
      field('startsAt', 'datetime'),
      field('endsAt', 'datetime'),
      field('status', 'enum', { enumValues: ['scheduled', 'completed', 'cancelled'], default: 'scheduled' }),
      field('price', 'decimal', { precision: 12, scale: 2, required: false }),
    ],
    reason: 'Appointments have a start time, an end time and a status; each visit has a cost', prdLine: 8,
  }],
  addRelations: [{ from: 'Appointment', to: 'Patient', name: 'patient', cardinality: 'many-to-one', required: true, onDelete: null, reason: 'Appointments belong to a patient', prdLine: 8 }],
  correctFields: [{ entity: 'Patient', field: 'phoneNumber', rename: null, type: 'string', required: null, maxLength: 32, enumValues: null, default: null, reason: 'A phone number is text, not a number', prdLine: 7 }],
  removeDraftItems: [{ id: 'pattern:1', reason: 'The list is of appointments, not patients', prdLine: 14 }],
  queryPatterns: [{ entity: 'Appointment', description: 'appointments of a patient, newest first', equality: ['patientId'], range: null, orderBy: [{ field: 'startsAt', direction: 'desc' }], where: [], reason: 'List the appointments of a patient, newest first', prdLine: 14 }],
  notData: [{ prdLine: 3, reason: 'States tenancy, which the draft already models' }, { prdLine: 11, reason: 'The cost is Appointment.price' }],
});
