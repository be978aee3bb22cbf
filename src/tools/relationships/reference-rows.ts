/**
 * Reference tables are seeded from the rows the input lists. A required column those rows never fill
 * (a currency symbol nobody gave) would make the seed fail, so it becomes optional, with a note why.
 */
import type { DataModel, Entity } from '../../model/index.ts';

export function fitReferenceRows(model: DataModel): DataModel {
  const entities = model.entities.map((entity): Entity => {
    const rows = model.referenceData.filter((d) => d.entity === entity.name).flatMap((d) => d.rows);
    if (rows.length === 0) return entity;
    const fields = entity.fields.map((f) =>
      f.role === 'attribute' && f.required && !f.default && rows.some((row) => row[f.name] === undefined || row[f.name] === null)
        ? { ...f, required: false, description: [f.description, 'Optional: the seed rows do not all give it.'].filter(Boolean).join(' ') }
        : f,
    );
    return { ...entity, fields };
  });
  return { ...model, entities };
}
