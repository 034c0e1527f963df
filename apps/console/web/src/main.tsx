import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import 'mantine-datatable/styles.css';
import './app/console.css';
import { setNonce } from 'get-nonce';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { loadRuntimeConfig } from './app/runtime-config';
import { initI18n } from './i18n';
import { styleNonce } from './app/theme';

// The scroll lock of dialogs writes a <style> element too: it carries this page's nonce (content security policy).
setNonce(styleNonce());

async function main() {
  const [config] = await Promise.all([loadRuntimeConfig(), initI18n()]);
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App config={config} />
    </StrictMode>,
  );
}

main().catch((error: Error) => {
  const root = document.getElementById('root')!;
  root.textContent = `Konsol tidak dapat dimuat: ${error.message}. Muat ulang halaman; bila masih gagal, hubungi admin sistem.`;
});
