import { type FormEvent, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { FormAlert } from '../ui/feedback';
import { LogoMark } from '../ui/icons';
import { LanguageSwitch } from '../ui/layout';
import { useSession } from './session';

export function SignInPage() {
  const { t } = useI18n();
  const { signIn, state } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const expired = state.status === 'signed-out' && state.expired;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitting(true);
    setError(null);
    try {
      await signIn(email.trim(), password);
    } catch (failure) {
      setError(failure);
      setSubmitting(false);
    }
  }

  return (
    <div className="sign-in">
      <div className="sign-in__lang">
        <LanguageSwitch />
      </div>
      <main className="sign-in__card" id="main">
        <div className="sign-in__brand">
          <LogoMark />
          <span>{t('app.name')}</span>
        </div>
        <h1 className="sign-in__title">{t('signIn.title')}</h1>
        <p className="sign-in__subtitle">{t('signIn.subtitle')}</p>
        {expired && !error && (
          <div className="alert alert--info" role="status">
            {t('signIn.expired')}
          </div>
        )}
        {error !== null && <FormAlert error={error} />}
        <form className="stack" onSubmit={(event) => void submit(event)}>
          <div className="field">
            <label className="field__label" htmlFor="email">
              {t('signIn.email')}
            </label>
            <input
              id="email"
              className="input"
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(event) => setEmail(event.target.value)}
            />
          </div>
          <div className="field">
            <label className="field__label" htmlFor="password">
              {t('signIn.password')}
            </label>
            <input
              id="password"
              className="input"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          </div>
          <button
            type="submit"
            className="button button--primary button--block"
            disabled={submitting}
          >
            {submitting ? t('signIn.submitting') : t('signIn.submit')}
          </button>
        </form>
      </main>
    </div>
  );
}
