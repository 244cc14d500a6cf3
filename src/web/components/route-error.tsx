import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';

/** Shown when a page's code fails to load (e.g. the network dropped, or a new release replaced the chunks). */
export function RouteError() {
  const { t } = useTranslation();
  return (
    <Result
      status="warning"
      title={t('routeError.title')}
      subTitle={t('routeError.body')}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('common.reload')}
        </Button>
      }
    />
  );
}
