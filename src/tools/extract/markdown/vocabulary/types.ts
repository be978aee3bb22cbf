/**
 * Wording → logical type. Matched against the words of a field name (and the words of its description when
 * the name alone says nothing). Order matters: the first rule that matches wins.
 */
import type { LogicalType } from '../../../../model/model.ts';

export interface TypeRule {
  type: LogicalType;
  /** Matches the lower-case, space-separated words of the field name. */
  name: RegExp;
}

export const NAME_TYPE_RULES: readonly TypeRule[] = [
  // "the amount requested", "total amount promised": money named with its participle (not a paid flag).
  { type: 'decimal', name: /(?:^| )(?:amount|price|cost|fee|sum)(?: [a-z]+(?:ed|en|id|wn))$/ },
  { type: 'boolean', name: /^(?:is|has|can|needs|requires|accepts|allows|should|uses|was|are) \w/ },
  { type: 'boolean', name: /(?:^| )(?:flag|enabled|active|archived|default|primary|verified|internal|paid|public|private|pinned|locked|deleted|visible|hidden|only)$/ },
  { type: 'datetime', name: /(?:^| )(?:at|time|timestamp|datetime|seen)$/ },
  { type: 'date', name: /(?:^| )(?:date|on|day|birthday|dob)$|^date of / },
  // "mobile number", "licence number", "serial number": identifiers written with digits, kept as text (leading zeros, "+").
  { type: 'string', name: /(?:^| )(?:phone|mobile|fax|telephone|cell|account|card|license|licence|tax|vat|serial|registration|tracking|passport|social security|bar|badge|microchip|chip|lot|batch|policy|routing|dot|contact|vin|imei|isbn|part|model)(?: number| no)$/ },
  { type: 'integer', name: /(?:^| )(?:count|minutes|seconds|hours|days|ms|milliseconds|bytes|grams|points|number|no|year|step|width|height|size|estimate|decimals|places|age|rank|level|version|port|quantity|qty|capacity|duration|priority order)$/ },
  { type: 'integer', name: /^(?:number of|num|count of) / },
  { type: 'decimal', name: /(?:^| )(?:amount|price|total|subtotal|cost|costs|fee|fees|balance|revenue|salary|budget|rate|percentage|percent|probability|latitude|longitude|lat|lng|threshold|value|offset|weight|score|discount|tax|paid|spend|wage|margin|ratio|factor)$/ },
  { type: 'text', name: /(?:^| )(?:description|body|notes|note|comment|comments|bio|content|markdown|html|text|message|summary|instructions|details|reason|terms|excerpt|biography|remarks|memo|answer|question|feedback|payload)$/ },
  { type: 'string', name: /./ },
];

/** Words in a table's Type cell → logical type. "text" is deliberately absent: tables say "text" for any string. */
export const DECLARED_TYPES: Readonly<Record<string, LogicalType>> = {
  string: 'string', varchar: 'string', char: 'string', email: 'string', url: 'string', uri: 'string',
  int: 'integer', integer: 'integer', number: 'integer', bigint: 'bigint', long: 'bigint', serial: 'integer',
  decimal: 'decimal', numeric: 'decimal', money: 'decimal', currency: 'decimal', float: 'float', double: 'float', real: 'float',
  bool: 'boolean', boolean: 'boolean', flag: 'boolean', 'yes/no': 'boolean',
  date: 'date', datetime: 'datetime', timestamp: 'datetime', timestamptz: 'datetime', time: 'time',
  uuid: 'uuid', json: 'json', jsonb: 'json', enum: 'enum', markdown: 'text', html: 'text', richtext: 'text',
};

/** Units that turn "size in bytes", "(seconds, default 0)" into an integer field named with its unit. */
export const UNITS: readonly string[] = [
  'seconds', 'minutes', 'hours', 'days', 'weeks', 'months', 'years', 'milliseconds', 'ms', 'bytes', 'kilobytes',
  'megabytes', 'grams', 'kilograms', 'kg', 'meters', 'metres', 'centimeters', 'millimeters', 'cents', 'points', 'percent',
];

/** Words describing a quantity that may be fractional ("can be fractional", "e.g. 1.5 hours"). */
export const FRACTIONAL_CUES: RegExp = /\b(?:fractional|fraction|decimal|\d+\.\d+)\b/i;

/** Words that mean "a long text" when they appear in a field's notes. */
export const LONG_TEXT_CUES: RegExp = /\b(?:markdown|html|rich[- ]text|free text|long text|multi-?line)\b/i;

/** A field table's column that names each row's record ("| Record | Field | Type |"). */
export const RECORD_COLUMN: RegExp = /^(?:record|entity|table|object|model|resource)$/;

/** Type cells written in words. */
export const TYPE_PHRASES: ReadonlyArray<readonly [RegExp, LogicalType]> = [
  [/^whole number|^integer number|^count\b/i, 'integer'],
  [/^long text|^free text|^rich text|^multi-?line/i, 'text'],
  [/^date and time|^date\/time|^date-time|^timestamp/i, 'datetime'],
  [/^yes\/no|^true\/false|^checkbox/i, 'boolean'],
  [/^(?:money|amount|currency)\b/i, 'decimal'],
];
