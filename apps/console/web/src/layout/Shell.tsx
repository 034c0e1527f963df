import { Anchor, AppShell, Burger, Button, Group, Menu, NavLink, SegmentedControl, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronDown, IconLogout, IconUserCircle } from '@tabler/icons-react';
import { Link, NavLink as RouterNavLink, Outlet, useLocation } from 'react-router';
import { useAuth } from '../auth/AuthProvider';
import type { Role } from '../auth/principal';
import { switchLanguage, useI18n } from '../i18n';
import type { Language } from '../i18n/format';

interface Destination {
  to: string;
  label: string;
  end?: boolean;
}

/** The pages each role works in, in the order of its work. */
function destinations(role: Role, t: (key: string) => string): Destination[] {
  const home = { to: '/beranda', label: t('nav.home') };
  const results = { to: '/hasil', label: t('nav.results') };
  switch (role) {
    case 'regional-office':
      return [
        home,
        { to: '/nominasi', label: t('nav.nominations'), end: true },
        { to: '/nominasi/baru', label: t('nav.newNomination') },
        { to: '/impor', label: t('nav.import') },
        results,
      ];
    case 'panel-chair':
      return [home, { to: '/papan', label: t('boards.nav') }, { to: '/nominasi', label: t('nav.nominations'), end: true }, results];
    case 'secretariat':
    case 'admin':
      return [
        home,
        { to: '/edisi', label: t('admin.nav.editions') },
        { to: '/semua-papan', label: t('admin.nav.boards') },
        { to: '/nominasi', label: t('nav.nominations'), end: true },
        { to: '/email', label: t('admin.nav.deliveries') },
        { to: '/audit', label: t('admin.nav.audit') },
        results,
      ];
    case 'assessor':
      return [
        home,
        { to: '/penilaian', label: t('assess.nav.queue'), end: true },
        { to: '/penilaian/riwayat', label: t('assess.nav.history') },
        { to: '/nominasi', label: t('nav.nominations'), end: true },
        results,
      ];
    default:
      return [home, { to: '/nominasi', label: t('nav.nominations'), end: true }, results];
  }
}

function LanguageSwitch() {
  const { t, language } = useI18n();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('app.language')}
      value={language}
      onChange={(value) => void switchLanguage(value as Language)}
      data={[
        { value: 'id', label: 'ID' },
        { value: 'en', label: 'EN' },
      ]}
    />
  );
}

export function Shell() {
  const { t } = useI18n();
  const auth = useAuth();
  const location = useLocation();
  const [opened, { toggle, close }] = useDisclosure();
  const principal = auth.principal;

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={principal ? { width: 230, breakpoint: 'sm', collapsed: { mobile: !opened } } : undefined}
      padding="md"
    >
      <Anchor href="#isi" className="skip-link">
        {t('app.skipToContent')}
      </Anchor>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            {principal && <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('app.menu')} />}
            <Anchor component={Link} to={principal ? '/beranda' : '/'} underline="never" c="inherit">
              <Group gap={8} wrap="nowrap">
                <img src="/favicon.svg" alt="" width={28} height={28} />
                <Stack gap={0}>
                  <Text fw={700} lh={1.1} style={{ whiteSpace: 'nowrap' }}>
                    {t('app.name')}
                  </Text>
                  <Text size="xs" c="dimmed" lh={1.1} visibleFrom="sm">
                    {t('app.tagline')}
                  </Text>
                </Stack>
              </Group>
            </Anchor>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LanguageSwitch />
            {principal ? (
              <Menu position="bottom-end">
                <Menu.Target>
                  <Button variant="subtle" rightSection={<IconChevronDown size={14} aria-hidden />} px="xs">
                    <IconUserCircle size={22} aria-hidden />
                    <VisuallyHidden hiddenFrom="sm">{principal.name}</VisuallyHidden>
                    <Stack gap={0} align="flex-end" visibleFrom="sm" ml={6}>
                      <Text size="sm" fw={600} lh={1.1} truncate maw={180}>
                        {principal.name}
                      </Text>
                      <Text size="xs" c="dimmed" lh={1.1}>
                        {t(`roles.${principal.role}`)}
                      </Text>
                    </Stack>
                  </Button>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Label>{t('app.signedInAs', { name: principal.username })}</Menu.Label>
                  <Menu.Label hiddenFrom="sm">{t(`roles.${principal.role}`)}</Menu.Label>
                  <Menu.Item leftSection={<IconLogout size={16} aria-hidden />} onClick={() => void auth.signOut()}>
                    {t('app.signOut')}
                  </Menu.Item>
                </Menu.Dropdown>
              </Menu>
            ) : (
              auth.status === 'signed-out' && (
                <Button size="sm" onClick={() => void auth.signIn(location.pathname === '/' ? '/beranda' : location.pathname)}>
                  {t('app.signIn')}
                </Button>
              )
            )}
          </Group>
        </Group>
      </AppShell.Header>
      {principal && (
        <AppShell.Navbar p="xs" aria-label={t('app.menu')}>
          <VisuallyHidden>
            <h2>{t('app.menu')}</h2>
          </VisuallyHidden>
          {destinations(principal.role, t).map((d) => (
            <NavLink key={d.to} component={RouterNavLink} to={d.to} end={d.end} label={d.label} onClick={close} />
          ))}
        </AppShell.Navbar>
      )}
      <AppShell.Main id="isi" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
