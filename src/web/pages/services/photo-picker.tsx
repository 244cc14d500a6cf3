import { useEffect, useMemo, useRef } from 'react';
import { App } from 'antd';
import { CameraOutlined, CloseOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { MAX_PHOTO_BYTES, MAX_PHOTOS, PHOTO_TYPES } from './service-types';

const ACCEPT = PHOTO_TYPES.join(',');

/** Keeps the files the server takes (type, size, count), telling the user about the others. */
export function usePhotoCheck() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (picked: readonly File[], room: number): File[] => {
    const kept: File[] = [];
    for (const file of picked) {
      if (!(PHOTO_TYPES as readonly string[]).includes(file.type)) void message.warning(t('services.photos.wrongType', { name: file.name }));
      else if (file.size > MAX_PHOTO_BYTES) void message.warning(t('services.photos.tooLarge', { name: file.name }));
      else if (kept.length >= room) {
        void message.warning(t('services.photos.tooMany', { max: MAX_PHOTOS }));
        break;
      } else kept.push(file);
    }
    return kept;
  };
}

/** The "add photo" tile: a file input that offers the camera on a phone. */
export function AddPhotoTile({ onPick, disabled = false, testId }: { onPick: (files: File[]) => void; disabled?: boolean; testId?: string }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  return (
    <label className={`lm-photo-tile lm-photo-tile--add${disabled ? ' lm-photo-tile--disabled' : ''}`}>
      <CameraOutlined />
      <span>{t('services.photos.add')}</span>
      <input
        ref={input}
        type="file"
        accept={ACCEPT}
        multiple
        disabled={disabled}
        className="lm-visually-hidden"
        data-testid={testId}
        onChange={(event) => {
          const files = Array.from(event.target.files ?? []);
          // Cleared, so picking the same photo again after removing it still fires.
          if (input.current) input.current.value = '';
          if (files.length > 0) onPick(files);
        }}
      />
    </label>
  );
}

/**
 * Photos chosen before the record exists: kept in the page and uploaded once the record is
 * saved (a record needs its id first).
 */
export function PhotoQueue({ files, onChange }: { files: File[]; onChange: (files: File[]) => void }) {
  const { t } = useTranslation();
  const check = usePhotoCheck();
  const previews = useMemo(() => files.map((file) => ({ file, url: URL.createObjectURL(file) })), [files]);
  useEffect(() => () => previews.forEach((preview) => URL.revokeObjectURL(preview.url)), [previews]);

  return (
    <div className="lm-photos">
      <div className="lm-photo-grid" data-testid="photo-queue">
        {previews.map((preview, index) => (
          <div key={preview.url} className="lm-photo-tile">
            <img src={preview.url} alt={t('services.photos.alt', { index: index + 1 })} />
            <button type="button" className="lm-photo-tile__remove" aria-label={t('services.photos.remove')} onClick={() => onChange(files.filter((f) => f !== preview.file))}>
              <CloseOutlined />
            </button>
          </div>
        ))}
        {files.length < MAX_PHOTOS && <AddPhotoTile onPick={(picked) => onChange([...files, ...check(picked, MAX_PHOTOS - files.length)])} testId="photo-input" />}
      </div>
      <div className="lm-muted lm-small">{t('services.photos.hint', { max: MAX_PHOTOS })}</div>
    </div>
  );
}
