import { Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { usePlaces } from './needs-places';

/**
 * The station (for callers who see several) and village filters of the needs page, shared by the
 * ranking and the register; `testIdPrefix` keeps their test ids apart.
 */
export function PlaceFilterItems({
  places,
  stationId,
  villageId,
  update,
  width,
  testIdPrefix,
}: {
  places: ReturnType<typeof usePlaces>;
  stationId: string | undefined;
  villageId: string | undefined;
  update: (patch: Record<string, string | undefined>) => void;
  width: (desktop: number) => number | string;
  testIdPrefix: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      {places.several && (
        <Form.Item label={t('needs.filters.station')}>
          <Select
            allowClear
            value={stationId}
            placeholder={t('needs.filters.allStations')}
            options={places.stations}
            loading={places.loading}
            onChange={(next?: string) => update({ stationId: next, villageId: undefined })}
            style={{ width: width(170) }}
            popupMatchSelectWidth={false}
            data-testid={`${testIdPrefix}-station`}
          />
        </Form.Item>
      )}
      <Form.Item label={t('needs.filters.village')}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          value={villageId}
          placeholder={t('needs.filters.allVillages')}
          options={places.villages}
          loading={places.loading}
          onChange={(next?: string) => update({ villageId: next })}
          style={{ width: width(160) }}
          popupMatchSelectWidth={false}
          data-testid={`${testIdPrefix}-village`}
        />
      </Form.Item>
    </>
  );
}
