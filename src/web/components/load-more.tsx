import { Button } from 'antd';
import { useTranslation } from 'react-i18next';

/** The foot of a keyset-paged list: "load more" while there is more. */
export function LoadMore({
  hasMore,
  loading,
  onLoadMore,
  shown,
}: {
  hasMore: boolean;
  loading: boolean;
  onLoadMore: () => void;
  shown: number;
}) {
  const { t } = useTranslation();
  if (shown === 0) return null;
  return (
    <div className="lm-load-more">
      {hasMore ? (
        <Button onClick={onLoadMore} loading={loading}>
          {t('common.loadMore')}
        </Button>
      ) : (
        <span className="lm-muted">{t('common.allLoaded')}</span>
      )}
    </div>
  );
}
