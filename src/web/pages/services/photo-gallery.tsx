import { useState } from 'react';
import { App, Image, Spin } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../app/api';
import { AddPhotoTile, usePhotoCheck } from './photo-picker';
import { MAX_PHOTOS, type ServiceRecord } from './service-types';
import { serviceKey, SERVICES_KEY, uploadPhotos } from './services-api';

/**
 * A record's photos as thumbnails (tap to enlarge, swipe through), and, for those who may write,
 * a tile to add more (uploaded at once).
 */
export function PhotoGallery({ record, canAdd }: { record: ServiceRecord; canAdd: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const check = usePhotoCheck();
  const [uploading, setUploading] = useState(false);
  const photos = record.attachments;
  const room = MAX_PHOTOS - photos.length;

  async function add(picked: File[]) {
    const files = check(picked, room);
    if (files.length === 0) return;
    setUploading(true);
    try {
      const result = await uploadPhotos(record.id, files);
      if (result.uploaded.length > 0) void message.success(t('services.photos.uploaded', { count: result.uploaded.length }));
      for (const failure of result.failed) void message.error(`${failure.file.name}: ${errorText(failure.error)}`);
    } finally {
      setUploading(false);
      await queryClient.invalidateQueries({ queryKey: serviceKey(record.id) });
      void queryClient.invalidateQueries({ queryKey: [...SERVICES_KEY, 'list'] });
    }
  }

  return (
    <div className="lm-photos">
      {photos.length === 0 && !canAdd && <span className="lm-muted">{t('services.photos.none')}</span>}
      <div className="lm-photo-grid lm-photo-gallery" data-testid="photo-gallery">
        <Image.PreviewGroup>
          {photos.map((photo, index) => (
            <Image key={photo.id} src={photo.url} alt={t('services.photos.alt', { index: index + 1 })} width={96} height={96} data-testid="photo" />
          ))}
        </Image.PreviewGroup>
        {canAdd && room > 0 && (
          <Spin spinning={uploading}>
            <AddPhotoTile onPick={(files) => void add(files)} disabled={uploading} testId="photo-add-input" />
          </Spin>
        )}
      </div>
      {canAdd && room > 0 && <div className="lm-muted lm-small">{t('services.photos.hintUpload', { max: MAX_PHOTOS })}</div>}
    </div>
  );
}
