import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { InfoCircleOutlined, LockOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { errorText } from '../../app/api';
import { useAuth } from '../../app/auth';
import { Brand } from '../../components/brand';
import { LanguageSwitch } from '../../components/language-switch';

interface Values {
  username: string;
  password: string;
}

export function SignInPage() {
  const { t } = useTranslation();
  const { signIn } = useAuth();
  const [searchParams] = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const expired = searchParams.get('expired') === '1' && error === null;

  async function submit(values: Values) {
    setSubmitting(true);
    setError(null);
    try {
      // On success the auth state changes and the router leaves this page.
      await signIn(values.username.trim(), values.password);
    } catch (cause) {
      setError(errorText(cause));
      setSubmitting(false);
    }
  }

  return (
    <div className="lm-signin">
      <aside className="lm-signin__hero">
        <Brand inverted />
        <div className="lm-signin__hero-text">
          <p className="lm-signin__tagline">{t('app.tagline')}</p>
          <p className="lm-signin__intro">{t('signIn.intro')}</p>
        </div>
      </aside>
      <main className="lm-signin__main">
        <div className="lm-signin__topbar">
          <div className="lm-signin__mobile-brand">
            <Brand />
          </div>
          <LanguageSwitch />
        </div>
        <Card className="lm-signin__card" variant="borderless">
          <Typography.Title level={2} className="lm-signin__title">
            {t('signIn.title')}
          </Typography.Title>
          <Typography.Paragraph type="secondary" className="lm-signin__welcome">
            {t('signIn.welcome', { product: t('app.fullTitle') })}
          </Typography.Paragraph>
          {expired && <Alert type="info" showIcon title={t('signIn.sessionExpired')} className="lm-signin__alert" />}
          {error && <Alert type="error" showIcon title={error} className="lm-signin__alert" data-testid="sign-in-error" />}
          <Form<Values>
            name="signIn"
            layout="vertical"
            requiredMark={false}
            size="large"
            onFinish={(values) => void submit(values)}
            // The server's message is about what was sent; once the user edits, it no longer applies.
            onValuesChange={() => setError(null)}
          >
            <Form.Item name="username" label={t('signIn.username')} rules={[{ required: true, whitespace: true, message: t('signIn.usernameRequired') }]}>
              <Input prefix={<UserOutlined />} autoComplete="username" autoCapitalize="none" spellCheck={false} />
            </Form.Item>
            <Form.Item name="password" label={t('signIn.password')} rules={[{ required: true, message: t('signIn.passwordRequired') }]}>
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={submitting}>
              {t('signIn.submit')}
            </Button>
          </Form>
          <p className="lm-signin__demo-note">
            <InfoCircleOutlined /> {t('signIn.demoNote')}
          </p>
        </Card>
      </main>
    </div>
  );
}
