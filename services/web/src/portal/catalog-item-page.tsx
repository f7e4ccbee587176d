import { type FormEvent, useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../api/client';
import type { CatalogItem } from '../api/types';
import { useMe } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import { bilingual } from '../lib/bilingual';
import {
  checkForm,
  formFieldsOf,
  formPayload,
  type FormValue,
  type FormValues,
  initialValuesOf,
} from '../lib/json-schema-form';
import { fieldErrorsOf } from '../lib/problem';
import { EmptyState, ErrorState, FormAlert, Spinner, useToasts } from '../ui/feedback';
import { ArrowLeftIcon } from '../ui/icons';
import { PageHeader } from '../ui/layout';
import { SchemaFields, useFieldProblemText } from '../ui/schema-form';
import { useAsync } from '../ui/use-async';

export function CatalogItemPage() {
  const { itemId = '' } = useParams();
  const { call } = useMe();
  const item = useAsync(() => call.catalogItem(itemId), [call, itemId]);
  const { t } = useI18n();
  return (
    <div className="page page--narrow">
      <Link className="back-link" to="/portal">
        <ArrowLeftIcon width={16} height={16} />
        {t('order.back')}
      </Link>
      {item.status === 'error' ? (
        <ErrorState error={item.error} onRetry={item.reload} />
      ) : !item.data ? (
        <Spinner />
      ) : item.data.active ? (
        <OrderForm item={item.data} />
      ) : (
        <RetiredItem item={item.data} />
      )}
    </div>
  );
}

/** An item opened by an old link after it left the catalog: said plainly, no form to fail. */
function RetiredItem({ item }: { item: CatalogItem }) {
  const { t, language } = useI18n();
  return (
    <EmptyState
      title={t('order.retired', { name: bilingual(item.name, language) })}
      text={t('order.retiredText')}
      action={
        <Link className="button button--primary" to="/portal">
          {t('order.retiredAction')}
        </Link>
      }
    />
  );
}

function OrderForm({ item }: { item: CatalogItem }) {
  const { t, language } = useI18n();
  const { call } = useMe();
  const { notify } = useToasts();
  const navigate = useNavigate();
  const problemText = useFieldProblemText();
  const fields = useMemo(() => formFieldsOf(item.formSchema, language), [item, language]);
  const unsupported = Object.keys(item.formSchema.properties ?? {}).length > fields.length;
  const [values, setValues] = useState<FormValues>(() => initialValuesOf(fields, item.formSchema));
  const [details, setDetails] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);
  const name = bilingual(item.name, language);

  function change(field: string, value: FormValue) {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors(({ [field]: _fixed, ...rest }) => rest);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems = checkForm(fields, values);
    const found = Object.fromEntries(
      Object.entries(problems).map(([field, problem]) => [field, problemText(problem)]),
    );
    setErrors(found);
    setFailure(null);
    const first = Object.keys(found)[0];
    if (first) {
      document.getElementById(`order-${first}`)?.focus();
      return;
    }
    setSubmitting(true);
    try {
      const ticket = await call.orderCatalogItem(item.id, {
        fields: formPayload(fields, values),
        title: name,
        ...(details.trim() ? { description: details.trim() } : {}),
      });
      notify(t('order.created', { number: ticket.number }));
      void navigate(`/portal/tickets/${ticket.id}`);
    } catch (error) {
      if (error instanceof ApiError) setErrors(fieldErrorsOf(error.problem));
      setFailure(error);
      setSubmitting(false);
    }
  }

  const errorCount = Object.keys(errors).length;
  return (
    <>
      <PageHeader
        title={t('order.title', { name })}
        subtitle={bilingual(item.description, language)}
      />
      <form className="card form-card" noValidate onSubmit={(event) => void submit(event)}>
        {failure !== null && <FormAlert error={failure} />}
        {failure === null && errorCount > 0 && (
          <div className="alert alert--error" role="alert">
            {t('form.fixErrors', { count: errorCount })}
          </div>
        )}
        {unsupported && <div className="alert alert--info">{t('form.unsupported')}</div>}
        <SchemaFields
          fields={fields}
          values={values}
          errors={errors}
          onChange={change}
          idPrefix="order"
        />
        <div className="field">
          <label className="field__label" htmlFor="order-details">
            {t('order.details')} <span className="field__optional">({t('form.optional')})</span>
          </label>
          <textarea
            id="order-details"
            className="input textarea"
            rows={3}
            value={details}
            onChange={(event) => setDetails(event.target.value)}
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={submitting}>
            {submitting ? t('order.submitting') : t('order.submit')}
          </button>
        </div>
      </form>
    </>
  );
}
