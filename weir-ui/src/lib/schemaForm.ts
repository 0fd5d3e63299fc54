/**
 * A form from a deployment's parameter schema (the JSON Schema subset dev.weir.schema.ParameterSchema
 * writes): one field per top-level property, its input chosen by type, its value checked in the
 * browser by the same rules the server applies (weir-server's ParameterValidator), and a 422 from the
 * server mapped back to the field it names (Problem.field such as `parameters.month`).
 */
import type { JsonSchema, Problem } from './types';

export type FieldKind = 'text' | 'number' | 'integer' | 'boolean' | 'enum' | 'date' | 'datetime' | 'json';

export interface Field {
  name: string;
  label: string;
  kind: FieldKind;
  /** The property's schema with $ref and a nullable anyOf resolved. */
  schema: JsonSchema;
  required: boolean;
  nullable: boolean;
  description?: string;
}

/** What the inputs hold: text for every kind but boolean (a checkbox). */
export type FormValues = Record<string, string | boolean>;

const MAX_DEPTH = 32;

/** Follows `#/$defs/Name` (and any `#/...` pointer) from the root schema. */
export function resolveRef(root: JsonSchema, schema: JsonSchema, depth = 0): JsonSchema {
  if (!schema.$ref || depth > MAX_DEPTH) return schema;
  const path = schema.$ref.replace(/^#\/?/, '').split('/').filter(Boolean);
  let node: unknown = root;
  for (const part of path) node = (node as Record<string, unknown> | undefined)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  return node && typeof node === 'object' ? resolveRef(root, node as JsonSchema, depth + 1) : {};
}

function typesOf(schema: JsonSchema): string[] {
  return schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
}

/** A property's schema without its nullability: `anyOf [X, {type: null}]` or `type: [X, "null"]` becomes X. */
function unwrap(root: JsonSchema, schema: JsonSchema): { schema: JsonSchema; nullable: boolean } {
  let s = resolveRef(root, schema);
  let nullable = false;
  if (s.anyOf) {
    const options = s.anyOf.map((o) => resolveRef(root, o));
    const rest = options.filter((o) => !(typesOf(o).length === 1 && typesOf(o)[0] === 'null'));
    if (rest.length === 1) {
      nullable = rest.length < options.length;
      const { anyOf: _anyOf, ...outer } = s;
      s = { ...outer, ...rest[0] };
    }
  }
  const types = typesOf(s);
  if (types.includes('null')) {
    nullable = true;
    const others = types.filter((t) => t !== 'null');
    s = { ...s, type: others.length === 1 ? others[0] : others };
  }
  return { schema: s, nullable };
}

export function fieldKind(schema: JsonSchema): FieldKind {
  if (schema.anyOf) return 'json';
  if (schema.enum) return 'enum';
  const types = typesOf(schema);
  if (types.length !== 1) return 'json';
  switch (types[0]) {
    case 'boolean':
      return 'boolean';
    case 'integer':
      return 'integer';
    case 'number':
      return 'number';
    case 'string':
      return schema.format === 'date' ? 'date' : schema.format === 'date-time' ? 'datetime' : 'text';
    default:
      return 'json';
  }
}

/** The fields of a parameter schema, in the order of their `position` (the method's), then by name. */
export function formFields(root: JsonSchema | undefined): Field[] {
  if (!root) return [];
  const top = resolveRef(root, root);
  const required = new Set(top.required ?? []);
  return Object.entries(top.properties ?? {})
    .map(([name, raw]) => {
      const { schema, nullable } = unwrap(root, raw);
      return {
        name,
        label: raw.title ?? schema.title ?? name,
        kind: fieldKind(schema),
        schema,
        required: required.has(name),
        nullable,
        description: raw.description ?? schema.description,
      };
    })
    .sort((a, b) => (root.properties?.[a.name]?.position ?? 1e9) - (root.properties?.[b.name]?.position ?? 1e9) || a.name.localeCompare(b.name));
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An ISO instant as a datetime-local input's value, in the browser's time zone. */
export function toLocalInput(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}${d.getSeconds() ? `:${pad(d.getSeconds())}` : ''}`;
}

/** The inputs' starting values: the deployment's default parameters, else the schema's defaults. */
export function initialValues(fields: Field[], defaults: Record<string, unknown> = {}): FormValues {
  const values: FormValues = {};
  for (const field of fields) {
    const value = field.name in defaults ? defaults[field.name] : field.schema.default;
    if (field.kind === 'boolean') values[field.name] = value === true;
    else if (value === undefined || value === null) values[field.name] = '';
    else if (field.kind === 'enum') values[field.name] = JSON.stringify(value);
    else if (field.kind === 'json') values[field.name] = JSON.stringify(value, null, 2);
    else if (field.kind === 'datetime' && typeof value === 'string') values[field.name] = toLocalInput(value);
    else values[field.name] = String(value);
  }
  return values;
}

type Parsed = { absent: true } | { absent?: false; value: unknown } | { error: string };

/** One input's text as the JSON value to send; absent when left empty. */
export function parseField(field: Field, raw: string | boolean): Parsed {
  if (field.kind === 'boolean') return { value: raw === true };
  const text = String(raw);
  if (text.trim() === '') return { absent: true };
  switch (field.kind) {
    case 'integer':
    case 'number': {
      const n = Number(text);
      if (!Number.isFinite(n)) return { error: 'Enter a number' };
      if (field.kind === 'integer' && !Number.isInteger(n)) return { error: 'Enter a whole number' };
      return { value: n };
    }
    case 'enum':
    case 'json':
      try {
        return { value: JSON.parse(text) };
      } catch (e) {
        return { error: `Not valid JSON: ${e instanceof Error ? e.message : String(e)}` };
      }
    case 'datetime': {
      const d = new Date(text);
      if (Number.isNaN(d.getTime())) return { error: 'Enter a date and time' };
      return { value: d.toISOString() };
    }
    default:
      return { value: text };
  }
}

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

function hasType(type: string, value: unknown): boolean {
  switch (type) {
    case 'null':
      return value === null;
    case 'boolean':
      return typeof value === 'boolean';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number';
    case 'string':
      return typeof value === 'string';
    case 'array':
      return Array.isArray(value);
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    default:
      return true;
  }
}

const show = (v: unknown) => JSON.stringify(v);

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The first rule a value breaks, as a sentence for the person filling the form, with the path inside
 * the value when it is nested (`days[2]: must be at most 31`); undefined when the value conforms.
 */
export function validateValue(root: JsonSchema, schema: JsonSchema, value: unknown, path = '', depth = 0): string | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const s = resolveRef(root, schema);
  const at = (message: string) => (path ? `${path}: ${message}` : message);
  if (s.anyOf) {
    const ok = s.anyOf.some((option) => validateValue(root, option, value, path, depth + 1) === undefined);
    if (!ok) return at(`does not match any of the allowed forms`);
  }
  const types = typesOf(s);
  if (types.length > 0 && !types.some((t) => hasType(t, value))) {
    return at(`must be ${types.map((t) => (t === 'integer' ? 'a whole number' : t === 'object' ? 'an object' : t === 'array' ? 'a list' : `a ${t}`)).join(' or ')}`);
  }
  if (s.enum && !s.enum.some((e) => sameJson(e, value))) return at(`must be one of ${s.enum.map(show).join(', ')}`);
  if (typeof value === 'number') {
    if (s.minimum !== undefined && value < s.minimum) return at(`must be at least ${s.minimum}`);
    if (s.maximum !== undefined && value > s.maximum) return at(`must be at most ${s.maximum}`);
    if (s.exclusiveMinimum !== undefined && value <= s.exclusiveMinimum) return at(`must be more than ${s.exclusiveMinimum}`);
    if (s.exclusiveMaximum !== undefined && value >= s.exclusiveMaximum) return at(`must be less than ${s.exclusiveMaximum}`);
  }
  if (typeof value === 'string') {
    const length = [...value].length;
    if (s.minLength !== undefined && length < s.minLength) return at(`must be at least ${s.minLength} character${s.minLength === 1 ? '' : 's'} long`);
    if (s.maxLength !== undefined && length > s.maxLength) return at(`must be at most ${s.maxLength} character${s.maxLength === 1 ? '' : 's'} long`);
    if (s.pattern !== undefined) {
      let re: RegExp | undefined;
      try {
        re = new RegExp(s.pattern, 'u');
      } catch {
        re = undefined; // a Java-only expression: the server checks it
      }
      if (re && !re.test(value)) return at(`must match the pattern ${s.pattern}`);
    }
    if (s.format === 'uuid' && !UUID.test(value)) return at('must be a UUID such as 0193a000-0000-7000-8000-000000000000');
    if (s.format === 'date' && !(/^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)))) return at('must be a date (YYYY-MM-DD)');
    if (s.format === 'date-time' && !(/^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value)))) return at('must be a date and time');
  }
  if (Array.isArray(value)) {
    if (s.minItems !== undefined && value.length < s.minItems) return at(`must hold at least ${s.minItems} item${s.minItems === 1 ? '' : 's'}`);
    if (s.maxItems !== undefined && value.length > s.maxItems) return at(`must hold at most ${s.maxItems} item${s.maxItems === 1 ? '' : 's'}`);
    if (s.items) {
      for (let i = 0; i < value.length; i++) {
        const error = validateValue(root, s.items, value[i], `${path}[${i}]`, depth + 1);
        if (error) return error;
      }
    }
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const object = value as Record<string, unknown>;
    for (const name of s.required ?? []) if (!(name in object)) return `${path ? `${path}.` : ''}${name}: is required`;
    for (const [name, child] of Object.entries(s.properties ?? {})) {
      if (name in object) {
        const error = validateValue(root, child, object[name], path ? `${path}.${name}` : name, depth + 1);
        if (error) return error;
      }
    }
  }
  return undefined;
}

/** The parameters to send, or the error of each field that is not right (keyed by field name). */
export function buildParameters(
  root: JsonSchema,
  fields: Field[],
  values: FormValues,
): { parameters: Record<string, unknown>; errors: Record<string, string> } {
  const parameters: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const field of fields) {
    const parsed = parseField(field, values[field.name] ?? '');
    if ('error' in parsed) {
      errors[field.name] = parsed.error;
      continue;
    }
    if (parsed.absent) {
      if (field.required) errors[field.name] = 'Required';
      continue;
    }
    const error = validateValue(root, field.schema, parsed.value);
    if (error && !(parsed.value === null && field.nullable)) errors[field.name] = error.charAt(0).toUpperCase() + error.slice(1);
    else parameters[field.name] = parsed.value;
  }
  return { parameters, errors };
}

/**
 * The field a server problem is about: `parameters.month` or `parameters.trip.days[2]` names field
 * `month` or `trip` (with prefix `runInput`, `runInput.approved` names `approved`). Undefined when it
 * names no field of the form (the message then goes above it).
 */
export function problemField(problem: Problem | undefined, fields: Field[], prefix = 'parameters'): string | undefined {
  const field = problem?.field;
  if (!field || !field.startsWith(`${prefix}.`)) return undefined;
  const name = field.slice(prefix.length + 1).split(/[.[]/)[0];
  return fields.some((f) => f.name === name) ? name : undefined;
}
