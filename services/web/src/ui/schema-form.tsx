import type { FieldProblem, FormField, FormValue, FormValues } from '../lib/json-schema-form';
import { useI18n } from '../i18n/i18n';

/** The words for a field problem found before sending. */
export function useFieldProblemText(): (problem: FieldProblem) => string {
  const { t } = useI18n();
  return (problem) => {
    switch (problem.code) {
      case 'required':
        return t('form.problem.required');
      case 'minLength':
      case 'maxLength':
        return t(`form.problem.${problem.code}`, { limit: problem.limit, count: problem.limit });
      case 'minimum':
      case 'maximum':
        return t(`form.problem.${problem.code}`, { limit: problem.limit });
      case 'integer':
      case 'number':
      case 'pattern':
      case 'date':
      case 'email':
        return t(`form.problem.${problem.code}`);
      default:
        return problem satisfies never;
    }
  };
}

function FieldLabel({ field, htmlFor }: { field: FormField; htmlFor?: string }) {
  const { t } = useI18n();
  const Tag = htmlFor ? 'label' : 'span';
  return (
    <Tag className="field__label" {...(htmlFor ? { htmlFor } : {})}>
      {field.label}
      {field.required ? (
        <span className="field__required" aria-hidden="true">
          {' '}
          *
        </span>
      ) : (
        <span className="field__optional"> ({t('form.optional')})</span>
      )}
    </Tag>
  );
}

/**
 * The inputs of a catalog item's form, from its JSON Schema: each with its label, help text and
 * error tied to it for screen readers.
 */
export function SchemaFields({
  fields,
  values,
  errors,
  onChange,
  idPrefix = 'field',
}: {
  fields: readonly FormField[];
  values: FormValues;
  errors: Record<string, string>;
  onChange(name: string, value: FormValue): void;
  idPrefix?: string;
}) {
  const { t } = useI18n();
  return (
    <>
      {fields.map((field) => {
        const id = `${idPrefix}-${field.name}`;
        const error = errors[field.name];
        const describedBy =
          [field.help ? `${id}-help` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') ||
          undefined;
        const value = values[field.name];
        const common = {
          id,
          name: field.name,
          'aria-invalid': error ? true : undefined,
          'aria-describedby': describedBy,
          'aria-required': field.required || undefined,
        };
        let control;
        switch (field.kind) {
          case 'select':
            control = (
              <select
                {...common}
                className="input"
                value={typeof value === 'string' ? value : ''}
                onChange={(event) => onChange(field.name, event.target.value)}
              >
                <option value="">{t('form.choose')}</option>
                {field.options.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
            );
            break;
          case 'multiselect': {
            const selected = Array.isArray(value) ? value : [];
            control = (
              <div className="checks" role="group" aria-labelledby={`${id}-label`}>
                {field.options.map((option) => (
                  <label key={option.value} className="check">
                    <input
                      type="checkbox"
                      checked={selected.includes(option.value)}
                      onChange={(event) =>
                        onChange(
                          field.name,
                          event.target.checked
                            ? [...selected, option.value]
                            : selected.filter((item) => item !== option.value),
                        )
                      }
                    />
                    <span>{option.label}</span>
                  </label>
                ))}
              </div>
            );
            break;
          }
          case 'boolean':
            control = (
              <label className="check">
                <input
                  {...common}
                  type="checkbox"
                  checked={value === true}
                  onChange={(event) => onChange(field.name, event.target.checked)}
                />
                <span>{field.label}</span>
              </label>
            );
            break;
          case 'textarea':
            control = (
              <textarea
                {...common}
                className="input textarea"
                rows={4}
                value={typeof value === 'string' ? value : ''}
                maxLength={field.maxLength}
                onChange={(event) => onChange(field.name, event.target.value)}
              />
            );
            break;
          case 'number':
            control = (
              <input
                {...common}
                className="input input--narrow"
                type="number"
                inputMode={field.integer ? 'numeric' : 'decimal'}
                step={field.integer ? 1 : 'any'}
                min={field.minimum}
                max={field.maximum}
                value={typeof value === 'string' ? value : ''}
                onChange={(event) => onChange(field.name, event.target.value)}
              />
            );
            break;
          case 'date':
            control = (
              <input
                {...common}
                className="input input--narrow"
                type="date"
                value={typeof value === 'string' ? value : ''}
                onChange={(event) => onChange(field.name, event.target.value)}
              />
            );
            break;
          case 'text':
          case 'email':
          case 'url':
            control = (
              <input
                {...common}
                className="input"
                type={field.kind}
                value={typeof value === 'string' ? value : ''}
                maxLength={field.maxLength}
                onChange={(event) => onChange(field.name, event.target.value)}
              />
            );
            break;
          default:
            control = field satisfies never;
        }
        return (
          <div key={field.name} className={`field${error ? ' field--invalid' : ''}`}>
            {field.kind === 'boolean' ? null : field.kind === 'multiselect' ? (
              <span id={`${id}-label`}>
                <FieldLabel field={field} />
              </span>
            ) : (
              <FieldLabel field={field} htmlFor={id} />
            )}
            {control}
            {field.help && (
              <p className="field__help" id={`${id}-help`}>
                {field.help}
              </p>
            )}
            {error && (
              <p className="field__error" id={`${id}-error`}>
                {error}
              </p>
            )}
          </div>
        );
      })}
    </>
  );
}
