import { createTheme } from '@mantine/core';

/** Green of the social-security programme, gold for titles; system fonts (nothing fetched from elsewhere). */
export const theme = createTheme({
  primaryColor: 'paritrana',
  colors: {
    paritrana: ['#e6f6f0', '#cdeadf', '#9dd5bf', '#69bf9d', '#40ac81', '#27a06f', '#0b8a5c', '#0b6e4f', '#075a40', '#024531'],
  },
  primaryShade: 7,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
  defaultRadius: 'md',
});

/** The nonce the console server put in this page, for the `<style>` elements the UI library writes (content security policy). */
export const styleNonce = () => document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content ?? '';
