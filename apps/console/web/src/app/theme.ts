import { createTheme, Loader, mergeThemeOverrides, Modal, Notification } from '@mantine/core';

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

/**
 * Colours that keep text readable (WCAG AA, 4.5:1 on white): the library's dimmed grey is lighter
 * than that, so secondary text uses a darker one; badges are filled with these shades under white text.
 */
export const cssVariablesResolver = () => ({ variables: {}, light: { '--mantine-color-dimmed': '#5c636a' }, dark: {} });

export const TONES = { ok: '#1e7a35', bad: '#b02a2a', warn: '#8a5a00', neutral: '#495057', info: '#1c5d99', gold: '#7a5c00' } as const;
export type Tone = keyof typeof TONES;

/** The theme with what depends on the language: the accessible names of the library's own buttons. */
export const themeIn = (closeLabel: string) =>
  mergeThemeOverrides(
    theme,
    createTheme({
      components: {
        Notification: Notification.extend({ defaultProps: { closeButtonProps: { 'aria-label': closeLabel } } }),
        Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': closeLabel } } }),
        // A loader is a live status, so the label some screens give it is announced.
        Loader: Loader.extend({ defaultProps: { role: 'status' } }),
      },
    }),
  );
