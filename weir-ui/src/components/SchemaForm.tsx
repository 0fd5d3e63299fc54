/** The inputs of a parameter schema (see lib/schemaForm.ts), each with its error beside it. */
import type { Field, FormValues } from '../lib/schemaForm';

function describe(field: Field): string | undefined {
  const s = field.schema;
  const parts: string[] = [];
  if (s.minimum !== undefined && s.maximum !== undefined) parts.push(`${s.minimum} to ${s.maximum}`);
  else if (s.minimum !== undefined) parts.push(`at least ${s.minimum}`);
  else if (s.maximum !== undefined) parts.push(`at most ${s.maximum}`);
  if (s.minLength !== undefined || s.maxLength !== undefined) parts.push(`${s.minLength ?? 0} to ${s.maxLength ?? '∞'} characters`);
  if (s.pattern) parts.push(`matching ${s.pattern}`);
  if (s.format === 'uuid') parts.push('a UUID');
  if (field.kind === 'json') parts.push(`JSON${s.type ? ` ${Array.isArray(s.type) ? s.type.join(' or ') : s.type}` : ''}`);
  const text = [field.description, parts.join(', ')].filter(Boolean).join(' — ');
  return text || undefined;
}

function Input({ field, value, onChange, invalid, describedBy }: {
  field: Field;
  value: string | boolean;
  onChange: (value: string | boolean) => void;
  invalid: boolean;
  describedBy?: string;
}) {
  const common = {
    id: `param-${field.name}`,
    name: field.name,
    'aria-invalid': invalid || undefined,
    'aria-describedby': describedBy,
    'aria-required': field.required || undefined,
  };
  const text = typeof value === 'string' ? value : '';
  const s = field.schema;
  switch (field.kind) {
    case 'boolean':
      return <input type="checkbox" {...common} checked={value === true} onChange={(e) => onChange(e.target.checked)} />;
    case 'integer':
    case 'number':
      // type=text with inputMode: a number input would hide a bad entry (it reports ""), and min/max
      // would make the browser refuse the submit before our messages show.
      return (
        <input
          type="text"
          inputMode={field.kind === 'integer' ? 'numeric' : 'decimal'}
          {...common}
          value={text}
          placeholder={s.minimum !== undefined && s.maximum !== undefined ? `${s.minimum}–${s.maximum}` : undefined}
          onChange={(e) => onChange(e.target.value)}
        />
      );
    case 'enum':
      return (
        <select {...common} value={text} onChange={(e) => onChange(e.target.value)}>
          {(!field.required || text === '') && <option value="">{field.required ? 'Choose…' : '(not set)'}</option>}
          {(s.enum ?? []).map((option) => (
            <option key={JSON.stringify(option)} value={JSON.stringify(option)}>
              {typeof option === 'string' ? option : JSON.stringify(option)}
            </option>
          ))}
        </select>
      );
    case 'date':
      return <input type="date" {...common} value={text} onChange={(e) => onChange(e.target.value)} />;
    case 'datetime':
      return <input type="datetime-local" step="1" {...common} value={text} onChange={(e) => onChange(e.target.value)} />;
    case 'json':
      return <textarea {...common} rows={Math.min(10, Math.max(3, text.split('\n').length))} className="mono" spellCheck={false} value={text} onChange={(e) => onChange(e.target.value)} />;
    default:
      return <input type="text" {...common} value={text} onChange={(e) => onChange(e.target.value)} />;
  }
}

export function SchemaForm({ fields, values, errors, onChange, emptyText = "This deployment's flow takes no parameters." }: {
  fields: Field[];
  values: FormValues;
  errors: Record<string, string>;
  onChange: (name: string, value: string | boolean) => void;
  /** What to say when the schema has no fields. */
  emptyText?: string;
}) {
  if (fields.length === 0) return <p className="muted">{emptyText}</p>;
  return (
    <div className="schema-form">
      {fields.map((field) => {
        const hint = describe(field);
        const error = errors[field.name];
        const ids = [hint ? `param-${field.name}-hint` : '', error ? `param-${field.name}-error` : ''].filter(Boolean).join(' ');
        return (
          <div key={field.name} className={`form-field${error ? ' invalid' : ''}`} data-field={field.name} data-kind={field.kind}>
            <label htmlFor={`param-${field.name}`}>
              {field.label}
              {field.required && (
                <span className="required" title="required" aria-label="required">
                  {' '}*
                </span>
              )}
              <span className="muted small mono"> {field.kind === 'json' ? 'json' : field.kind}</span>
            </label>
            <Input field={field} value={values[field.name] ?? ''} onChange={(v) => onChange(field.name, v)} invalid={!!error} describedBy={ids || undefined} />
            {hint && (
              <div className="muted small" id={`param-${field.name}-hint`}>
                {hint}
              </div>
            )}
            {error && (
              <div className="field-error" id={`param-${field.name}-error`} role="alert">
                {error}
              </div>
            )}
          </div>
        );
      })}
    </div>
  );
}
