import { Badge, type BadgeProps } from '@mantine/core';
import { TONES, type Tone } from '../app/theme';

/** A status badge in a readable tone: white text on a dark enough fill, in sentence case. */
export function ToneBadge({ tone, ...props }: { tone: Tone } & Omit<BadgeProps, 'color' | 'variant'> & { children: React.ReactNode }) {
  return (
    <Badge
      color={TONES[tone]}
      variant="filled"
      tt="none"
      // Never cut: a long status wraps inside its badge rather than ending in "…".
      styles={{
        root: { height: 'auto', minHeight: 20, paddingBlock: 2 },
        label: { whiteSpace: 'normal', overflow: 'visible', textAlign: 'center', lineHeight: 1.3 },
      }}
      {...props}
    />
  );
}
