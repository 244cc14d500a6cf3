import type { ThemeConfig } from 'antd';

/** A calm deep teal: reads as public service, not as a consumer app. */
export const BRAND = {
  primary: '#0b6e74',
  primaryDark: '#074d52',
  background: '#f3f6f7',
  border: '#e3e9eb',
  muted: '#5b6b70',
} as const;

export const theme: ThemeConfig = {
  token: {
    colorPrimary: BRAND.primary,
    colorInfo: BRAND.primary,
    colorLink: BRAND.primary,
    colorBgLayout: BRAND.background,
    borderRadius: 6,
    fontFamily:
      '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans CJK SC", "Helvetica Neue", Arial, sans-serif',
  },
  components: {
    Layout: {
      headerBg: '#ffffff',
      siderBg: '#ffffff',
      headerHeight: 56,
      headerPadding: '0 16px',
    },
    Menu: {
      itemSelectedBg: '#e6f2f2',
      itemSelectedColor: BRAND.primaryDark,
    },
  },
};
