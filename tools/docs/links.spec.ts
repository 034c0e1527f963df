import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';

/** The files whose relative links must resolve, as paths from the repository root. */
const ROOT = join(__dirname, '..', '..');
const documents = (): string[] => [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => `docs/${name}`),
];

interface Files {
  exists(path: string): boolean;
  read(path: string): string;
}

const disk: Files = {
  exists: (path) => existsSync(join(ROOT, path)),
  read: (path) => readFileSync(join(ROOT, path), 'utf8'),
};

/** Blanks fenced code blocks and inline code spans, keeping line numbers and offsets. */
function withoutCode(markdown: string): string {
  let fence: string | undefined;
  const lines = markdown.split('\n').map((line) => {
    const opening = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      if (opening && opening[1][0] === fence[0] && opening[1].length >= fence.length) fence = undefined;
      return '';
    }
    if (opening) {
      fence = opening[1];
      return '';
    }
    return line;
  });
  return lines.join('\n').replace(/(`+)[^`]*?\1/g, (span) => ' '.repeat(span.length));
}

/** GitHub's heading ids (github-slugger): lower case, punctuation dropped, spaces to hyphens. */
function githubSlug(heading: string): string {
  const text = heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/`/g, '')
    .replace(/\*+/g, '')
    .replace(/(^|[^\p{L}\p{N}])_+([^_]+?)_+(?=[^\p{L}\p{N}]|$)/gu, '$1$2')
    .trim()
    .toLowerCase();
  return text.replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-');
}

/** Every anchor a markdown file offers: its headings' ids (duplicates numbered) and explicit ids. */
function anchorsIn(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  const add = (slug: string) => {
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  };
  const lines = withoutCode(markdown).split('\n');
  lines.forEach((line, i) => {
    const atx = /^\s{0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$/.exec(line);
    if (atx) add(githubSlug(atx[1]));
    const previous = lines[i - 1]?.trim() ?? '';
    if (/^\s{0,3}(=+|-+)\s*$/.test(line) && previous && !/^([#>|-]|\d+\.)/.test(previous)) add(githubSlug(previous));
    for (const explicit of line.matchAll(/<a\s[^>]*(?:name|id)="([^"]+)"/g)) anchors.add(explicit[1]);
  });
  return anchors;
}

interface Link {
  readonly target: string;
  readonly line: number;
}

/** Inline links and images, and reference definitions, outside code. */
function linksIn(markdown: string): Link[] {
  const text = withoutCode(markdown);
  const lineAt = (offset: number) => text.slice(0, offset).split('\n').length;
  const links: Link[] = [];
  for (const m of text.matchAll(/!?\[[^\]]*\]\(\s*(<[^>]*>|[^)\s]*)(?:\s+["'(][^)]*)?\)/g)) {
    links.push({ target: m[1].replace(/^<|>$/g, ''), line: lineAt(m.index) });
  }
  for (const m of text.matchAll(/^\s{0,3}\[[^\]]+\]:\s*(<[^>]*>|\S+)/gm)) {
    links.push({ target: m[1].replace(/^<|>$/g, ''), line: lineAt(m.index) });
  }
  return links;
}

/** Each relative link of the files that names no file, or no heading of a markdown file. */
function deadLinks(paths: string[], files: Files): string[] {
  const anchorCache = new Map<string, Set<string>>();
  const anchorsOf = (path: string) => {
    if (!anchorCache.has(path)) anchorCache.set(path, anchorsIn(files.read(path)));
    return anchorCache.get(path)!;
  };
  const dead: string[] = [];
  for (const path of paths) {
    for (const { target, line } of linksIn(files.read(path))) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//')) continue;
      const hash = target.indexOf('#');
      const file = decodeURI(hash < 0 ? target : target.slice(0, hash));
      const anchor = hash < 0 ? undefined : decodeURIComponent(target.slice(hash + 1));
      const relative = file === '' ? path : file.startsWith('/') ? posix.normalize(file.slice(1)) : posix.join(posix.dirname(path), file);
      const resolved = relative.replace(/\/+$/, '');
      const where = `${path}:${line} → ${target}`;
      if (resolved.startsWith('..') || !files.exists(resolved)) dead.push(`${where} (no such file: ${resolved})`);
      else if (anchor !== undefined && resolved.endsWith('.md') && !anchorsOf(resolved).has(anchor.toLowerCase()))
        dead.push(`${where} (no heading #${anchor} in ${resolved})`);
    }
  }
  return dead;
}

describe('the links of README.md and docs/*.md', () => {
  it('should all resolve when relative, anchors into markdown files included', () => {
    expect(deadLinks(documents(), disk)).toEqual([]);
  });
});

describe('deadLinks', () => {
  const inMemory = (contents: Record<string, string>): Files => ({
    exists: (path) => path in contents || Object.keys(contents).some((p) => p.startsWith(`${path}/`)),
    read: (path) => contents[path],
  });

  it('should name each missing file and missing heading when links point nowhere', () => {
    const sut = inMemory({
      'README.md': '# Title\n\nSee [a](docs/a.md#usage), [b](docs/b.md), [c](#nope) and [d](docs/a.md#missing).\n',
      'docs/a.md': '# A\n\n## Usage\n\nBack to the [start](../README.md#title).\n',
    });

    expect(deadLinks(['README.md', 'docs/a.md'], sut)).toEqual([
      'README.md:3 → docs/b.md (no such file: docs/b.md)',
      'README.md:3 → #nope (no heading #nope in README.md)',
      'README.md:3 → docs/a.md#missing (no heading #missing in docs/a.md)',
    ]);
  });

  it('should ignore links in code and absolute links when checking', () => {
    const sut = inMemory({
      'README.md': '```sh\n[x](missing.md)\n```\n\n`[y](missing.md)` [z](https://example.com/missing.md) [m](mailto:a@b.c)\n',
    });

    expect(deadLinks(['README.md'], sut)).toEqual([]);
  });

  it('should accept folders and reference definitions when they exist', () => {
    const sut = inMemory({
      'README.md': 'The [demo][demo] and [deploy](deploy/).\n\n[demo]: deploy/demo/README.md\n',
      'deploy/demo/README.md': '# Demo\n',
    });

    expect(deadLinks(['README.md'], sut)).toEqual([]);
  });
});

describe('githubSlug', () => {
  it.each([
    ['Effectively once: outbox, relay and consumers', 'effectively-once-outbox-relay-and-consumers'],
    ["Domain: the award's rules", 'domain-the-awards-rules'],
    ['`make start` & the `.data` folder', 'make-start--the-data-folder'],
    ['Run one service', 'run-one-service'],
    ['[Linked](x.md) **bold** snake_case', 'linked-bold-snake_case'],
  ])('should make %j into %j when slugging a heading', (heading, slug) => {
    expect(githubSlug(heading)).toBe(slug);
  });

  it('should number repeated headings when they share a slug', () => {
    expect([...anchorsIn('# A\n\n## Notes\n\n## Notes\n\nText\n---\n')]).toEqual(['a', 'notes', 'notes-1', 'text']);
  });
});
