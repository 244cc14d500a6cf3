import type { ReactNode } from 'react';
import { Typography } from 'antd';

export function PageHeader({ title, description, extra }: { title: ReactNode; description?: ReactNode; extra?: ReactNode }) {
  return (
    <div className="lm-page-head">
      <div>
        <Typography.Title level={1}>{title}</Typography.Title>
        {description && <p className="lm-page-head__description">{description}</p>}
      </div>
      {extra && <div className="lm-page-head__extra">{extra}</div>}
    </div>
  );
}
