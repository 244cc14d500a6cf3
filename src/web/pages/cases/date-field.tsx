import { DatePicker, type DatePickerProps } from 'antd';
import { useLanguage } from '../../app/language';

const FORMAT = { 'zh-CN': 'YYYY年M月D日', 'en-US': 'D MMM YYYY' } as const;

/** A day picker that shows the day as the rest of the pages do (2026年11月29日), full width, no phone keyboard. */
export function DateField(props: DatePickerProps) {
  const language = useLanguage();
  return <DatePicker inputReadOnly style={{ width: '100%' }} format={FORMAT[language]} {...props} />;
}
